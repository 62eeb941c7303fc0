import type { CoverageMeasure, CoverageRow, SensitiveTag } from '../../../../shared/metadata/index-views';
import { assertNever } from '../../../../shared/result';
import type { MetadataIndex } from '../index/metadata-index';
import { num, Params } from './sql-parts';

/** Privileges that let someone read a table when held on it, its schema or its catalog. */
const READ = "('SELECT', 'ALL PRIVILEGES')";

/**
 * Per table of the scope: is it registered (selection), readable through a grant, row-filtered; per column: is it
 * sensitive (a sensitive tag), masked. A table-level mask is what the index can confirm; ABAC masks are matched by
 * governed tags at query time, which SHOW POLICIES does not describe, so they are not counted as covering a column.
 */
function coverageBase(p: Params, catalog: string | undefined, sensitive: readonly SensitiveTag[]): string {
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
    sc AS (SELECT DISTINCT g.catalog, g.schema, g.table_name, g.column_name,
      EXISTS (SELECT 1 FROM column_masks m WHERE m.catalog = g.catalog AND m.schema = g.schema AND m.table_name = g.table_name AND lower(m.column_name) = lower(g.column_name)) AS masked
      FROM tags g JOIN tb ON tb.catalog = g.catalog AND tb.schema = g.schema AND tb.name = g.table_name AND tb.registered
      WHERE g.kind = 'COLUMN' AND (${tagPredicate}))`;
}

/** Coverage per catalog, or per schema of `catalog`. */
export async function coverage(index: MetadataIndex, catalog: string | undefined, sensitive: readonly SensitiveTag[]): Promise<CoverageRow[]> {
  const p = new Params();
  const key = catalog === undefined ? 'catalog' : 'schema';
  const rows = await index.query(
    `WITH ${coverageBase(p, catalog, sensitive)},
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
  const p = new Params();
  const { from, where } = measureSql(o.measure);
  const table = from === 'tb' ? 'name' : 'table_name';
  const schema = o.schema === undefined ? '' : ` AND schema = ${p.add(o.schema)}`;
  const base = `WITH ${coverageBase(p, o.catalog, o.sensitive)} SELECT catalog, schema, ${table} AS t${from === 'sc' ? ', column_name AS c' : ''} FROM ${from} WHERE ${where}${schema}`;
  const [count] = await index.query(`SELECT count(*) AS n FROM (${base})`, p.values);
  const rows = await index.query(`${base} ORDER BY ALL LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`, p.values);
  return { total: num(count?.n), objects: rows.map((r) => ({ path: [r.catalog, r.schema, r.t, ...(from === 'sc' ? [r.c] : [])].map(String) })) };
}
