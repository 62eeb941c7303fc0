import { z } from 'zod';
import { tableKey, type ObservedAbacPolicy, type ObservedColumn, type ObservedPrincipalGrant, type ObservedTable, type Parts3, type PolicyObservation } from '../../../shared/policies/observation';
import type { PolicySet } from '../../../shared/policies/policy-model';
import type { PoliciesRecord } from '../../../shared/policies/record';
import { resolveTargets } from '../../../shared/policies/targets';
import { directShowGrants } from '../../../shared/sql/privilege-rows';
import { showGrantsSql } from '../../../shared/sql/privilege-reads';
import { quoteLiteral, quoteName } from '../../../shared/sql/quote';
import type { SqlSession } from '../connection/types';

/**
 * Reads what the policy compiler needs (shared/policies/observation.ts) from the workspace, as the installer:
 * columns, types and tags from `system.information_schema` (reference §2), masks and filters from column_masks /
 * row_filters, ABAC policies with SHOW POLICIES (whose answering also tells that the workspace runs ABAC), and
 * grants with SHOW GRANTS, which a MANAGE holder may run to see everyone's grants (shared/sql/privilege-reads.ts).
 */
type Where = { readonly tables: readonly Parts3[]; readonly scopes: readonly (readonly string[])[] };

const str = z.string();
const cell = (row: Readonly<Record<string, unknown>>, ...names: string[]): unknown => {
  for (const [k, v] of Object.entries(row)) if (names.includes(k.toLowerCase())) return v;
  return undefined;
};

/** `(c = 'a' AND s = 'b' AND t = 'c') OR (c = 'x')…` over the given column names. */
function whereSql(w: Where, cols: readonly [string, string, string]): string {
  const eq = (parts: readonly string[]) => `(${parts.map((p, i) => `${cols[i]} = ${quoteLiteral(p)}`).join(' AND ')})`;
  const all = [...w.tables.map(eq), ...w.scopes.map(eq)];
  return all.length === 0 ? 'FALSE' : all.join(' OR ');
}

function scopeOf(set: PolicySet, record: PoliciesRecord | null): Where {
  const tables = new Map<string, Parts3>();
  const scopes = new Map<string, readonly string[]>();
  const addTable = (t: readonly string[]) => tables.set(tableKey(t), [t[0]!, t[1]!, t[2]!]);
  for (const p of set.policies) {
    if (p.type === 'columnMask' && p.columns) p.columns.forEach(addTable);
    if (p.type === 'columnMask' && p.scope) scopes.set(p.scope.join('.'), p.scope);
    if (p.type === 'rowFilter') addTable(p.table);
  }
  for (const i of record?.items ?? []) if (i.kind === 'mask' || i.kind === 'filter') addTable(i.object);
  return { tables: [...tables.values()], scopes: [...scopes.values()] };
}

/** Columns, types and tags of the given tables (preview reads a table no policy names). */
export const observeTables = (session: SqlSession, tables: readonly Parts3[]): Promise<Map<string, ObservedTable>> => readTables(session, { tables, scopes: [] });

async function readTables(session: SqlSession, w: Where): Promise<Map<string, ObservedTable>> {
  const out = new Map<string, { name: Parts3; tableType: string; columns: ObservedColumn[] }>();
  if (w.tables.length === 0 && w.scopes.length === 0) return new Map();
  const tables = await session.execute(`SELECT table_catalog, table_schema, table_name, table_type FROM system.information_schema.tables WHERE ${whereSql(w, ['table_catalog', 'table_schema', 'table_name'])}`);
  for (const r of tables) {
    const name: Parts3 = [str.parse(r.table_catalog), str.parse(r.table_schema), str.parse(r.table_name)];
    out.set(tableKey(name), { name, tableType: String(r.table_type ?? ''), columns: [] });
  }
  const columns = await session.execute(
    `SELECT table_catalog, table_schema, table_name, column_name, full_data_type FROM system.information_schema.columns WHERE ${whereSql(w, ['table_catalog', 'table_schema', 'table_name'])} ORDER BY table_catalog, table_schema, table_name, ordinal_position`,
  );
  for (const r of columns) out.get(tableKey([str.parse(r.table_catalog), str.parse(r.table_schema), str.parse(r.table_name)]))?.columns.push({ name: str.parse(r.column_name), type: String(r.full_data_type ?? ''), tags: {} });
  const tags = await session.execute(`SELECT catalog_name, schema_name, table_name, column_name, tag_name, tag_value FROM system.information_schema.column_tags WHERE ${whereSql(w, ['catalog_name', 'schema_name', 'table_name'])}`);
  for (const r of tags) {
    const t = out.get(tableKey([str.parse(r.catalog_name), str.parse(r.schema_name), str.parse(r.table_name)]));
    const c = t?.columns.find((x) => x.name.toLowerCase() === String(r.column_name).toLowerCase());
    if (c) (c.tags as Record<string, string>)[str.parse(r.tag_name)] = String(r.tag_value ?? '');
  }
  return out;
}

async function readAttachments(session: SqlSession, w: Where): Promise<Pick<PolicyObservation, 'masks' | 'filters'>> {
  if (w.tables.length === 0 && w.scopes.length === 0) return { masks: [], filters: [] };
  const where = whereSql(w, ['catalog_name', 'schema_name', 'table_name']);
  const masks = await session.execute(`SELECT catalog_name, schema_name, table_name, column_name, mask_catalog, mask_schema, mask_name FROM system.information_schema.column_masks WHERE ${where}`);
  const filters = await session.execute(`SELECT catalog_name, schema_name, table_name, filter_catalog, filter_schema, filter_name FROM system.information_schema.row_filters WHERE ${where}`);
  const t = (r: Readonly<Record<string, unknown>>): Parts3 => [str.parse(r.catalog_name), str.parse(r.schema_name), str.parse(r.table_name)];
  return {
    masks: masks.map((r) => ({ table: t(r), column: str.parse(r.column_name), fn: [str.parse(r.mask_catalog), str.parse(r.mask_schema), str.parse(r.mask_name)] })),
    filters: filters.map((r) => ({ table: t(r), fn: [str.parse(r.filter_catalog), str.parse(r.filter_schema), str.parse(r.filter_name)] })),
  };
}

async function readFunctions(session: SqlSession, catalog: string): Promise<Map<string, string | null>> {
  const rows = await session.execute(`SELECT routine_name, comment FROM system.information_schema.routines WHERE routine_catalog = ${quoteLiteral(catalog.toLowerCase())} AND routine_schema = 'policies'`);
  return new Map(rows.map((r) => [str.parse(r.routine_name).toLowerCase(), typeof r.comment === 'string' ? r.comment : null]));
}

/** SHOW POLICIES on one securable; undefined when the workspace does not run ABAC (the statement is refused). */
async function showPolicies(session: SqlSession, on: 'CATALOG' | 'SCHEMA', name: readonly string[]): Promise<ObservedAbacPolicy[]> {
  // Result columns as documented: https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-show-policies
  const rows = await session.execute(`SHOW POLICIES ON ${on} ${quoteName(...name)}`);
  return rows.map((r) => ({
    on,
    securable: name.map((p) => p.toLowerCase()),
    name: String(cell(r, 'policy name', 'policy_name', 'name')),
    type: String(cell(r, 'policy type', 'policy_type', 'type') ?? ''),
    comment: (cell(r, 'comment') as string | null | undefined) ?? null,
  }));
}

/** Whether the workspace answers SHOW POLICIES (ABAC available); asked on the integration catalog, which exists. */
export async function detectAbac(session: SqlSession, catalog: string): Promise<boolean> {
  try {
    await session.execute(`SHOW POLICIES ON CATALOG ${quoteName(catalog)}`);
    return true;
  } catch {
    return false;
  }
}

async function readGrants(session: SqlSession, set: PolicySet, record: PoliciesRecord | null): Promise<ObservedPrincipalGrant[]> {
  const targets = resolveTargets(set, null).grants.map((g) => ({ securable: g.securable, name: g.name }));
  for (const i of record?.items ?? []) if (i.kind === 'grant') targets.push({ securable: i.object[0] as ObservedPrincipalGrant['securable'], name: i.object.slice(1) });
  const seen = new Set<string>();
  const out: ObservedPrincipalGrant[] = [];
  for (const t of targets) {
    const key = JSON.stringify([t.securable, t.name]);
    if (seen.has(key)) continue;
    seen.add(key);
    let rows: readonly Readonly<Record<string, unknown>>[];
    try {
      rows = await session.execute(showGrantsSql(null, t.securable, t.name));
    } catch {
      continue; // not there (yet): nothing is held on it
    }
    const principals = new Set(rows.map((r) => String(cell(r, 'principal'))));
    for (const principal of principals) out.push({ securable: t.securable, name: t.name, principal, privileges: directShowGrants(rows, t.securable, principal) });
  }
  return out;
}

export async function observePolicies(session: SqlSession, set: PolicySet, catalog: string, record: PoliciesRecord | null): Promise<PolicyObservation> {
  const w = scopeOf(set, record);
  const tables = await readTables(session, w);
  const { masks, filters } = await readAttachments(session, w);
  const functions = await readFunctions(session, catalog);
  const abac = await detectAbac(session, catalog);
  const abacPolicies: ObservedAbacPolicy[] = [];
  if (abac) {
    const securables = new Map<string, { on: 'CATALOG' | 'SCHEMA'; name: readonly string[] }>();
    for (const s of w.scopes) securables.set(JSON.stringify(s), { on: s.length === 1 ? 'CATALOG' : 'SCHEMA', name: s });
    for (const i of record?.items ?? []) if (i.kind === 'abac' && (i.object[0] === 'CATALOG' || i.object[0] === 'SCHEMA')) securables.set(JSON.stringify(i.object.slice(1, -1)), { on: i.object[0], name: i.object.slice(1, -1) });
    for (const s of securables.values()) {
      try {
        abacPolicies.push(...(await showPolicies(session, s.on, s.name)));
      } catch {
        // A scope that does not exist has no policies; the compiler reports the missing tables.
      }
    }
  }
  const grants = await readGrants(session, set, record);
  return { tables, masks, filters, functions, abacPolicies, grants, abac };
}
