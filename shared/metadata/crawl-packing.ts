import { columnFingerprintSql, tagFingerprintSql } from './fingerprint';

/**
 * Packing: a table's columns (and its tags) travel as one text cell, made by the warehouse in the same GROUP BY
 * that computes their fingerprints, so a full crawl fetches one row per table instead of one per column — the
 * driver and the network handle a twentieth of the rows — and the index unpacks them with SQL.
 *
 * Format: elements joined by RS (chr 30), fields within an element by US (chr 31); a nullable field is 'N' for NULL
 * or 'V' followed by the value.
 *   column: ordinal US name US full type US is_nullable US (N | V comment)
 *   tag:    (N | V column) US key US (N | V value)         (N: a tag on the table itself)
 * Names, comments and values may in principle contain those two characters: such a table is marked `dirty` and its
 * columns and tags are fetched unpacked, one row each, so packing is never lossy.
 */

const IS = 'system.information_schema';
const RS = 'chr(30)';
const US = 'chr(31)';
const nullable = (x: string): string => `CASE WHEN ${x} IS NULL THEN 'N' ELSE concat('V', ${x}) END`;
/** 1 when any of the texts holds a separator (NULLs count as empty). */
const dirty = (texts: readonly string[]): string => {
  const all = `concat(${texts.map((t) => `coalesce(${t}, '')`).join(', ')})`;
  return `max(CASE WHEN instr(${all}, ${RS}) > 0 OR instr(${all}, ${US}) > 0 THEN 1 ELSE 0 END)`;
};

/** Per table of catalog `c` (a quoted literal): ps, pt, packed, fp (the column fingerprint), n (columns), dirty. */
export function packedColumnsSql(c: string): string {
  const element = `concat(CAST(ordinal_position AS STRING), ${US}, column_name, ${US}, full_data_type, ${US}, coalesce(is_nullable, ''), ${US}, ${nullable('comment')})`;
  return `(SELECT table_schema AS ps, table_name AS pt, array_join(collect_list(${element}), ${RS}) AS packed,
    ${columnFingerprintSql('databricks', 'ordinal_position', 'column_name', 'full_data_type')} AS fp, count(*) AS n,
    ${dirty(['column_name', 'full_data_type', 'comment', 'is_nullable'])} AS dirty
    FROM ${IS}.columns WHERE table_catalog = ${c} AND table_schema <> 'information_schema' GROUP BY table_schema, table_name)`;
}

/** Per table of catalog `c` with tags (its own and its columns'): ps, pt, packed, fp (the tag fingerprint), n, dirty. */
export function packedTagsSql(c: string): string {
  const element = `concat(${nullable('column_name')}, ${US}, tag_name, ${US}, ${nullable('tag_value')})`;
  return `(SELECT schema_name AS ps, table_name AS pt, array_join(collect_list(${element}), ${RS}) AS packed,
    ${tagFingerprintSql('databricks', 'column_name', 'tag_name', 'tag_value')} AS fp, count(*) AS n,
    ${dirty(['column_name', 'tag_name', 'tag_value'])} AS dirty
    FROM (SELECT schema_name, table_name, CAST(NULL AS STRING) AS column_name, tag_name, tag_value FROM ${IS}.table_tags WHERE catalog_name = ${c}
      UNION ALL SELECT schema_name, table_name, column_name, tag_name, tag_value FROM ${IS}.column_tags WHERE catalog_name = ${c})
    GROUP BY schema_name, table_name)`;
}

/**
 * DuckDB: the packed rows of `<p>packed` (columns) and `<p>packed_tags` into the index's columns and tags tables (the
 * inverse of the above); with `catalog` (a parameter such as `$1`), one catalog's only.
 */
export function unpackSql(p: string, catalog?: string): string[] {
  const of = (alias: string) => (catalog === undefined ? '' : ` AND ${alias}catalog = ${catalog}`);
  const elements = (table: string, kind: string) => `(SELECT catalog, s, t, string_split(e, chr(31)) AS f FROM (SELECT catalog, s, t, unnest(string_split(payload, chr(30))) AS e FROM ${p}${table} WHERE kind = '${kind}'${of('')}))`;
  const value = (f: string) => `CASE WHEN ${f}[1] = 'V' THEN ${f}[2:] END`;
  return [
    `INSERT INTO ${p}tags SELECT CASE WHEN f[1] = 'N' THEN 'TABLE' ELSE 'COLUMN' END, catalog, s, t, ${value('f[1]')}, f[2], ${value('f[3]')} FROM ${elements('packed_tags', 'tags')}`,
    `UPDATE ${p}tables x SET tag_fp = k.payload FROM ${p}packed_tags k WHERE k.kind = 'tagfp' AND k.catalog = x.catalog AND k.s = x.schema AND k.t = x.name${of('k.')}`,
    `INSERT INTO ${p}columns SELECT catalog, s, t, f[2], CAST(f[1] AS INTEGER), f[3], ${value('f[5]')}, CASE WHEN f[4] = '' THEN NULL ELSE f[4] = 'YES' END FROM ${elements('packed', 'columns')}`,
  ];
}
