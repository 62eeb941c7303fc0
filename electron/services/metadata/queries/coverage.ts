import type { CoverageMeasure, CoverageRow, SensitiveTag } from '../../../../shared/metadata/index-views';
import { assertNever } from '../../../../shared/result';
import type { MetadataIndex } from '../index/metadata-index';
import { maskedColumnCondition, parseTagCondition, type TagCondition } from '../../../../shared/metadata/abac-conditions';
import { num, Params } from './sql-parts';

/** Privileges that let someone read a table when held on it, its schema or its catalog. */
const READ = "('SELECT', 'ALL PRIVILEGES')";

/** An ABAC column-mask policy reduced to what the index can evaluate: where it is attached, WHEN, and the masked column's tag. */
export interface AbacMaskRule {
  readonly catalog: string;
  readonly schema: string | null;
  readonly table: string | null;
  readonly when: TagCondition | null;
  readonly column: TagCondition;
}

/** The ABAC column masks of the snapshot whose conditions are simple enough to evaluate (abac-conditions.ts). */
export async function abacMaskRules(index: MetadataIndex): Promise<AbacMaskRule[]> {
  const rows = await index.query("SELECT catalog, schema, table_name, match_columns, when_condition FROM policies WHERE policy_type = 'COLUMN_MASK' AND match_columns IS NOT NULL");
  return rows.flatMap((r) => {
    const column = maskedColumnCondition(String(r.match_columns).split('\u001e'));
    const when = r.when_condition === null ? null : parseTagCondition(String(r.when_condition));
    if (!column || when === undefined) return [];
    return [{ catalog: String(r.catalog), schema: r.schema === null ? null : String(r.schema), table: r.table_name === null ? null : String(r.table_name), when, column }];
  });
}

/** A VALUES list of the rules (`ar`), or an empty relation of the same shape. */
function rulesSql(p: Params, rules: readonly AbacMaskRule[]): string {
  const cols = 'catalog, schema, table_name, wkey, wvalue, ckey, cvalue';
  if (rules.length === 0) return `(SELECT ${cols.split(', ').map((c) => `CAST(NULL AS VARCHAR) AS ${c}`).join(', ')} WHERE FALSE)`;
  const v = (x: string | null) => (x === null ? 'CAST(NULL AS VARCHAR)' : p.add(x));
  return `(SELECT * FROM (VALUES ${rules.map((r) => `(${[r.catalog, r.schema, r.table, r.when?.key ?? null, r.when?.value ?? null, r.column.key, r.column.value].map(v).join(', ')})`).join(', ')}) AS v(${cols}))`;
}

/**
 * Per table of the scope: is it registered (selection), readable through a grant, row-filtered; per column: is it
 * sensitive (a sensitive tag), and masked — by a table-level mask, or by an ABAC column-mask policy attached to the
 * table, its schema or its catalog whose WHEN holds on the table's tags (its own, its schema's, its catalog's) and
 * whose masked column's condition holds on the column's tags (`rules`, from abacMaskRules).
 *
 * Every test is a hash join against the distinct keys it needs (grants on catalogs, on schemas, on tables; filtered
 * tables; masked columns), never a correlated EXISTS: DuckDB turned the grants' OR of three levels and the nested
 * policy tests into joins whose intermediate results ran a 64 MB index out of memory at 100,000 tables. The ABAC
 * rules are few, so the policy test joins each sensitive column to the rules and their tags first, then aggregates.
 */
function coverageBase(p: Params, catalog: string | undefined, sensitive: readonly SensitiveTag[], rules: readonly AbacMaskRule[]): string {
  const scope = catalog === undefined ? 'TRUE' : `t.catalog = ${p.add(catalog)}`;
  const tagPredicate = sensitive.length === 0 ? 'FALSE' : sensitive
    .map((s) => `(lower(g.tag_name) = lower(${p.add(s.key)})${s.values?.length ? ` AND lower(coalesce(g.tag_value, '')) IN (${s.values.map((v) => `lower(${p.add(v)})`).join(', ')})` : ''})`)
    .join(' OR ');
  const read = (kind: string, keys: string) => `(SELECT DISTINCT ${keys} FROM grants WHERE kind = '${kind}' AND privilege IN ${READ})`;
  return `
    tb AS MATERIALIZED (SELECT t.catalog, t.schema, t.name, r.name IS NOT NULL AS registered,
      (gc.catalog IS NOT NULL OR gs.catalog IS NOT NULL OR gt.catalog IS NOT NULL) AS granted, f.catalog IS NOT NULL AS filtered
      FROM tables t
      LEFT JOIN (SELECT DISTINCT catalog, schema, name FROM selection WHERE kind = 'TABLE') r ON r.catalog = t.catalog AND r.schema = t.schema AND r.name = t.name
      LEFT JOIN ${read('CATALOG', 'catalog')} gc ON gc.catalog = t.catalog
      LEFT JOIN ${read('SCHEMA', 'catalog, schema')} gs ON gs.catalog = t.catalog AND gs.schema = t.schema
      LEFT JOIN ${read('TABLE', 'catalog, schema, table_name')} gt ON gt.catalog = t.catalog AND gt.schema = t.schema AND gt.table_name = t.name
      LEFT JOIN (SELECT DISTINCT catalog, schema, table_name FROM row_filters) f ON f.catalog = t.catalog AND f.schema = t.schema AND f.table_name = t.name
      WHERE ${scope}),
    ar AS ${rulesSql(p, rules)},
    sg AS MATERIALIZED (SELECT DISTINCT g.catalog, g.schema, g.table_name, g.column_name
      FROM tags g JOIN tb ON tb.catalog = g.catalog AND tb.schema = g.schema AND tb.name = g.table_name AND tb.registered
      WHERE g.kind = 'COLUMN' AND (${tagPredicate})),
    tm AS (SELECT DISTINCT catalog, schema, table_name, lower(column_name) AS column_name FROM column_masks),
    am AS (SELECT DISTINCT sg.catalog, sg.schema, sg.table_name, sg.column_name FROM sg
      JOIN ar ON ar.catalog = sg.catalog AND (ar.schema IS NULL OR ar.schema = sg.schema) AND (ar.table_name IS NULL OR ar.table_name = sg.table_name)
      JOIN tags c ON c.kind = 'COLUMN' AND c.catalog = sg.catalog AND c.schema = sg.schema AND c.table_name = sg.table_name AND c.column_name = sg.column_name
        AND c.tag_name = ar.ckey AND (ar.cvalue IS NULL OR c.tag_value = ar.cvalue)
      WHERE ar.wkey IS NULL OR EXISTS (SELECT 1 FROM tags w WHERE w.catalog = sg.catalog AND w.tag_name = ar.wkey AND (ar.wvalue IS NULL OR w.tag_value = ar.wvalue)
        AND ((w.kind = 'TABLE' AND w.schema = sg.schema AND w.table_name = sg.table_name) OR (w.kind = 'SCHEMA' AND w.schema = sg.schema) OR w.kind = 'CATALOG'))),
    sc AS (SELECT sg.*, (tm.catalog IS NOT NULL OR am.catalog IS NOT NULL) AS masked FROM sg
      LEFT JOIN tm ON tm.catalog = sg.catalog AND tm.schema = sg.schema AND tm.table_name = sg.table_name AND tm.column_name = lower(sg.column_name)
      LEFT JOIN am ON am.catalog = sg.catalog AND am.schema = sg.schema AND am.table_name = sg.table_name AND am.column_name = sg.column_name)`;
}

/** Coverage per catalog, or per schema of `catalog`. */
export async function coverage(index: MetadataIndex, catalog: string | undefined, sensitive: readonly SensitiveTag[]): Promise<CoverageRow[]> {
  const rules = await abacMaskRules(index);
  const p = new Params();
  const key = catalog === undefined ? 'catalog' : 'schema';
  const rows = await index.query(
    `WITH ${coverageBase(p, catalog, sensitive, rules)},
     t AS (SELECT ${key} AS name, count(*) AS tables, count(*) FILTER (registered) AS registered,
       count(*) FILTER (registered AND granted) AS granted, count(*) FILTER (registered AND filtered) AS filtered FROM tb GROUP BY 1),
     c AS (SELECT ${key} AS name, count(*) AS sensitive, count(*) FILTER (masked) AS masked FROM sc GROUP BY 1)
     SELECT t.*, coalesce(c.sensitive, 0) AS sensitive, coalesce(c.masked, 0) AS masked FROM t LEFT JOIN c ON c.name = t.name ORDER BY t.name`,
    p.values,
  );
  return rows.map((r) => ({
    name: String(r.name), tables: num(r.tables), registered: num(r.registered), granted: num(r.granted), filtered: num(r.filtered),
    sensitiveColumns: num(r.sensitive), maskedSensitiveColumns: num(r.masked),
  }));
}

function measureSql(m: CoverageMeasure): { from: 'tb' | 'sc'; where: string } {
  switch (m) {
    case 'registered':
      return { from: 'tb', where: 'registered' };
    case 'unregistered':
      return { from: 'tb', where: 'NOT registered' };
    case 'granted':
      return { from: 'tb', where: 'registered AND granted' };
    case 'ungranted':
      return { from: 'tb', where: 'registered AND NOT granted' };
    case 'filtered':
      return { from: 'tb', where: 'registered AND filtered' };
    case 'unfiltered':
      return { from: 'tb', where: 'registered AND NOT filtered' };
    case 'masked-sensitive':
      return { from: 'sc', where: 'masked' };
    case 'unmasked-sensitive':
      return { from: 'sc', where: 'NOT masked' };
    default:
      return assertNever(m, 'coverage measure');
  }
}

/** The objects behind one bar: tables, or for the mask measures sensitive columns, of a catalog or schema. */
export async function coverageObjects(
  index: MetadataIndex,
  o: { readonly catalog: string; readonly schema?: string; readonly measure: CoverageMeasure; readonly sensitive: readonly SensitiveTag[]; readonly offset: number; readonly limit: number },
): Promise<{ total: number; objects: { path: string[] }[] }> {
  const rules = await abacMaskRules(index);
  const p = new Params();
  const { from, where } = measureSql(o.measure);
  const table = from === 'tb' ? 'name' : 'table_name';
  const schema = o.schema === undefined ? '' : ` AND schema = ${p.add(o.schema)}`;
  const base = `WITH ${coverageBase(p, o.catalog, o.sensitive, rules)} SELECT catalog, schema, ${table} AS t${from === 'sc' ? ', column_name AS c' : ''} FROM ${from} WHERE ${where}${schema}`;
  const [count] = await index.query(`SELECT count(*) AS n FROM (${base})`, p.values);
  const rows = await index.query(`${base} ORDER BY ALL LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`, p.values);
  return { total: num(count?.n), objects: rows.map((r) => ({ path: [r.catalog, r.schema, r.t, ...(from === 'sc' ? [r.c] : [])].map(String) })) };
}
