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
 */
function coverageBase(p: Params, catalog: string | undefined, sensitive: readonly SensitiveTag[], rules: readonly AbacMaskRule[]): string {
  const scope = catalog === undefined ? 'TRUE' : `t.catalog = ${p.add(catalog)}`;
  const tagPredicate = sensitive.length === 0 ? 'FALSE' : sensitive
    .map((s) => `(lower(g.tag_name) = lower(${p.add(s.key)})${s.values?.length ? ` AND lower(coalesce(g.tag_value, '')) IN (${s.values.map((v) => `lower(${p.add(v)})`).join(', ')})` : ''})`)
    .join(' OR ');
  return `
    tb AS (SELECT t.catalog, t.schema, t.name,
      EXISTS (SELECT 1 FROM selection r WHERE r.kind = 'TABLE' AND r.catalog = t.catalog AND r.schema = t.schema AND r.name = t.name) AS registered,
      EXISTS (SELECT 1 FROM grants x WHERE x.privilege IN ${READ} AND x.catalog = t.catalog AND (x.kind = 'CATALOG'
        OR (x.kind = 'SCHEMA' AND x.schema = t.schema) OR (x.kind = 'TABLE' AND x.schema = t.schema AND x.table_name = t.name))) AS granted,
      EXISTS (SELECT 1 FROM row_filters f WHERE f.catalog = t.catalog AND f.schema = t.schema AND f.table_name = t.name) AS filtered
      FROM tables t WHERE ${scope}),
    ar AS ${rulesSql(p, rules)},
    sc AS (SELECT DISTINCT g.catalog, g.schema, g.table_name, g.column_name,
      EXISTS (SELECT 1 FROM column_masks m WHERE m.catalog = g.catalog AND m.schema = g.schema AND m.table_name = g.table_name AND lower(m.column_name) = lower(g.column_name))
      OR EXISTS (SELECT 1 FROM ar WHERE ar.catalog = g.catalog AND (ar.schema IS NULL OR ar.schema = g.schema) AND (ar.table_name IS NULL OR ar.table_name = g.table_name)
        AND EXISTS (SELECT 1 FROM tags c WHERE c.kind = 'COLUMN' AND c.catalog = g.catalog AND c.schema = g.schema AND c.table_name = g.table_name
          AND c.column_name = g.column_name AND c.tag_name = ar.ckey AND (ar.cvalue IS NULL OR c.tag_value = ar.cvalue))
        AND (ar.wkey IS NULL OR EXISTS (SELECT 1 FROM tags w WHERE w.catalog = g.catalog AND w.tag_name = ar.wkey AND (ar.wvalue IS NULL OR w.tag_value = ar.wvalue)
          AND ((w.kind = 'TABLE' AND w.schema = g.schema AND w.table_name = g.table_name) OR (w.kind = 'SCHEMA' AND w.schema = g.schema) OR w.kind = 'CATALOG')))) AS masked
      FROM tags g JOIN tb ON tb.catalog = g.catalog AND tb.schema = g.schema AND tb.name = g.table_name AND tb.registered
      WHERE g.kind = 'COLUMN' AND (${tagPredicate}))`;
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
