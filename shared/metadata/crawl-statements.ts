import { DIRECT_GRANT_PREDICATE } from '../sql/privilege-reads';
import { quoteLiteral } from '../sql/quote';
import { packedColumnsSql, packedTagsSql } from './crawl-packing';
import { columnFingerprintSql, NO_TAGS_FINGERPRINT, tagFingerprintSql } from './fingerprint';

/**
 * The crawl's SQL, every statement in the one row shape of crawl-rows.ts. Each reads `system.information_schema`
 * (metastore-wide, filtered to what the caller may see: reference unity-catalog-scim-rest.md §2) with the catalog
 * pushed down as a predicate on every view, because information_schema queries hit the Unity Catalog service and are
 * rate-limited when run too often (governance-steps-3-4.md §4.2, pitfall 3): one statement per catalog, not one per
 * view or per schema.
 *
 * Privileges are read as direct grants only (shared/sql/privilege-reads.ts: `inherited_from` 'NONE' or NULL) and
 * inheritance is computed locally, instead of fetching every table's inherited copy of each catalog grant.
 */

const IS = 'system.information_schema';
const NULL_TEXT = 'CAST(NULL AS STRING)';
const NULL_INT = 'CAST(NULL AS BIGINT)';
const NOT_INFO_SCHEMA = (column: string): string => `${column} <> 'information_schema'`;

type Slots = Partial<Record<'s' | 't' | 'n' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5' | 'i1' | 'i2' | 'i3' | 'i4', string>>;

/** One SELECT of the row shape: unnamed slots are typed NULLs, so every branch of a UNION ALL lines up. */
function row(kind: string, slots: Slots, from: string): string {
  const t = (k: keyof Slots) => slots[k] ?? NULL_TEXT;
  const i = (k: keyof Slots) => (slots[k] === undefined ? NULL_INT : `CAST(${slots[k]} AS BIGINT)`);
  return `SELECT '${kind}' AS kind, ${t('s')} AS s, ${t('t')} AS t, ${t('n')} AS n, ${t('v1')} AS v1, ${t('v2')} AS v2, ${t('v3')} AS v3, ${t('v4')} AS v4, ${t('v5')} AS v5, ${i('i1')} AS i1, ${i('i2')} AS i2, ${i('i3')} AS i3, ${i('i4')} AS i4 FROM ${from}`;
}

const union = (parts: readonly string[]): string => parts.join('\nUNION ALL ');

/** Every catalog the caller may see (but `system`), with its tags. Metastore-wide, small. */
export function catalogsStatement(): string {
  return union([
    row('catalog', { s: 'catalog_name', v1: 'catalog_owner', v2: 'comment', i1: 'unix_millis(created)', i2: 'unix_millis(last_altered)' }, `${IS}.catalogs WHERE catalog_name <> 'system'`),
    row('catalog_tag', { s: 'catalog_name', n: 'tag_name', v1: 'tag_value' }, `${IS}.catalog_tags WHERE catalog_name <> 'system'`),
  ]);
}

/** Grants, filters, masks and schema/table tags of one catalog: the small parts both a crawl and a re-crawl read whole. */
function catalogPolicyRows(c: string): string[] {
  return [
    row('schema_tag', { s: 'schema_name', n: 'tag_name', v1: 'tag_value' }, `${IS}.schema_tags WHERE catalog_name = ${c}`),
    row('catalog_grant', { n: 'grantee', v1: 'privilege_type' }, `${IS}.catalog_privileges WHERE catalog_name = ${c} AND ${DIRECT_GRANT_PREDICATE}`),
    row('schema_grant', { s: 'schema_name', n: 'grantee', v1: 'privilege_type' }, `${IS}.schema_privileges WHERE catalog_name = ${c} AND ${NOT_INFO_SCHEMA('schema_name')} AND ${DIRECT_GRANT_PREDICATE}`),
    row('table_grant', { s: 'table_schema', t: 'table_name', n: 'grantee', v1: 'privilege_type' }, `${IS}.table_privileges WHERE table_catalog = ${c} AND ${NOT_INFO_SCHEMA('table_schema')} AND ${DIRECT_GRANT_PREDICATE}`),
    row('row_filter', { s: 'schema_name', t: 'table_name', v1: "filter_catalog || '.' || filter_schema || '.' || filter_name", v2: 'filter_col_usage' }, `${IS}.row_filters WHERE catalog_name = ${c}`),
    row('column_mask', { s: 'schema_name', t: 'table_name', n: 'column_name', v1: "mask_catalog || '.' || mask_schema || '.' || mask_name", v2: 'mask_col_usage' }, `${IS}.column_masks WHERE catalog_name = ${c}`),
  ];
}

const schemaRow = (c: string): string =>
  row('schema', { s: 'schema_name', v1: 'schema_owner', v2: 'comment', i1: 'unix_millis(created)', i2: 'unix_millis(last_altered)' }, `${IS}.schemata WHERE catalog_name = ${c} AND ${NOT_INFO_SCHEMA('schema_name')}`);

/** Column and tag rows of some tables of one catalog, one row each (a re-crawl's changed tables, or packing's exceptions). */
function detailRows(c: string, tables: TableFilter): string[] {
  const only = (schemaColumn: string, tableColumn: string) => ` AND ${tablePredicate(tables, schemaColumn, tableColumn)}`;
  return [
    row('column', { s: 'table_schema', t: 'table_name', n: 'column_name', v1: 'full_data_type', v2: 'comment', v3: 'is_nullable', i1: 'ordinal_position' }, `${IS}.columns WHERE table_catalog = ${c} AND ${NOT_INFO_SCHEMA('table_schema')}${only('table_schema', 'table_name')}`),
    row('table_tag', { s: 'schema_name', t: 'table_name', n: 'tag_name', v1: 'tag_value' }, `${IS}.table_tags WHERE catalog_name = ${c}${only('schema_name', 'table_name')}`),
    row('column_tag', { s: 'schema_name', t: 'table_name', n: 'column_name', v1: 'tag_name', v2: 'tag_value' }, `${IS}.column_tags WHERE catalog_name = ${c}${only('schema_name', 'table_name')}`),
  ];
}

/**
 * A full crawl's one statement for catalog `catalog`: everything in it the caller may see. Columns and tags travel
 * packed, one row per table (crawl-packing.ts): a hundred thousand rows instead of two million, each row's few cells
 * carrying the table's columns, with the fingerprints the warehouse computes anyway.
 */
export function catalogStatement(catalog: string): string {
  const c = quoteLiteral(catalog);
  const columns = packedColumnsSql(c);
  const tags = packedTagsSql(c);
  return union([
    schemaRow(c),
    row('table_packed', {
      s: 'x.table_schema', t: 'x.table_name', n: 'x.data_source_format', v1: 'x.table_type', v2: 'x.table_owner', v3: 'x.comment',
      v4: `coalesce(k.fp, md5(''))`, v5: 'k.packed', i1: 'unix_millis(x.created)', i2: 'unix_millis(x.last_altered)', i3: 'coalesce(k.n, 0)', i4: 'coalesce(k.dirty, 0)',
    }, `${IS}.tables x LEFT JOIN ${columns} k ON k.ps = x.table_schema AND k.pt = x.table_name WHERE x.table_catalog = ${c} AND ${NOT_INFO_SCHEMA('x.table_schema')}`),
    row('tags_packed', { s: 'g.ps', t: 'g.pt', v4: 'g.fp', v5: 'g.packed', i3: 'g.n', i4: 'g.dirty' }, `${tags} g`),
    ...catalogPolicyRows(c),
  ]);
}

/**
 * A re-crawl's first statement for a catalog: every table's state with its column and tag fingerprints computed
 * on the warehouse, so that only tables whose fingerprints (or `last_altered`) moved have their columns fetched.
 */
export function catalogStateStatement(catalog: string): string {
  const c = quoteLiteral(catalog);
  const columnFp = columnFingerprintSql('databricks', 'ordinal_position', 'column_name', 'full_data_type');
  const tagFp = tagFingerprintSql('databricks', 'column_name', 'tag_name', 'tag_value');
  const fps = `(SELECT table_schema AS fs, table_name AS ft, ${columnFp} AS fp, count(*) AS n FROM ${IS}.columns WHERE table_catalog = ${c} GROUP BY table_schema, table_name)`;
  const tags = `(SELECT schema_name AS gs, table_name AS gt, ${tagFp} AS gp FROM (
      SELECT schema_name, table_name, ${NULL_TEXT} AS column_name, tag_name, tag_value FROM ${IS}.table_tags WHERE catalog_name = ${c}
      UNION ALL SELECT schema_name, table_name, column_name, tag_name, tag_value FROM ${IS}.column_tags WHERE catalog_name = ${c}) GROUP BY schema_name, table_name)`;
  const from = `${IS}.tables x LEFT JOIN ${fps} f ON f.fs = x.table_schema AND f.ft = x.table_name LEFT JOIN ${tags} g ON g.gs = x.table_schema AND g.gt = x.table_name WHERE x.table_catalog = ${c} AND ${NOT_INFO_SCHEMA('x.table_schema')}`;
  return union([
    schemaRow(c),
    row('table_state', {
      s: 'x.table_schema', t: 'x.table_name', n: 'x.data_source_format', v1: 'x.table_type', v2: 'x.table_owner', v3: 'x.comment', v4: `coalesce(f.fp, md5(''))`,
      v5: `coalesce(g.gp, '${NO_TAGS_FINGERPRINT}')`, i1: 'unix_millis(x.created)', i2: 'unix_millis(x.last_altered)', i3: 'coalesce(f.n, 0)',
    }, from),
    ...catalogPolicyRows(c),
  ]);
}

/** Tables of one catalog, grouped by schema: `schema → table names`. */
export type TableFilter = ReadonlyMap<string, readonly string[]>;

/** `(s = 'a' AND t IN ('x','y')) OR (s = 'b' AND t IN ('z'))`: a predicate the warehouse can push down per schema. */
export function tablePredicate(tables: TableFilter, schemaColumn: string, tableColumn: string): string {
  const parts = [...tables].map(([s, ts]) => `(${schemaColumn} = ${quoteLiteral(s)} AND ${tableColumn} IN (${ts.map(quoteLiteral).join(', ')}))`);
  return `(${parts.join(' OR ')})`;
}

/** Columns and tags of some tables of one catalog, unpacked: a re-crawl's changed tables, and the few that cannot be packed. */
export function changedTablesStatement(catalog: string, tables: TableFilter): string {
  return union(detailRows(quoteLiteral(catalog), tables));
}

/** Tables per details statement: keeps a statement's text well under the warehouse's 16 MiB limit (reference §4.12). */
export const CHANGED_TABLES_PER_STATEMENT = 1000;
