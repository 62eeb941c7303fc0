/**
 * Fingerprints that let a re-crawl fetch only what changed. The same formula is written in two SQL dialects: the
 * warehouse computes it in a re-crawl (Databricks SQL), the local index computes it after a full crawl (DuckDB), and
 * the two must agree byte for byte. Both engines' `md5` is the hex MD5 of the UTF-8 text, `lpad` left-pads, and
 * `array_sort` orders strings; each element starts with the zero-padded ordinal (or is unique), so the sort order is
 * the same in both.
 *
 * Column fingerprint: md5 over the columns ordered by position, each `<ordinal>:<len(name)>:<name>:<len(type)>:<type>`.
 * Length prefixes keep names and types that contain `:` or `,` (`decimal(10,2)`) from ever colliding.
 * Tag fingerprint: md5 over the table's own tags and its columns' tags, each
 * `<len(column)>:<column>:<len(key)>:<key>:<len(value)>:<value>` (an empty column for the table's own tags).
 */

export type Dialect = 'databricks' | 'duckdb';

const FN: Readonly<Record<Dialect, { list: string; join: string; text: string }>> = {
  databricks: { list: 'collect_list', join: 'array_join', text: 'STRING' },
  duckdb: { list: 'list', join: 'array_to_string', text: 'VARCHAR' },
};

/** `<len>:<value>` for a text expression (NULL reads as the empty string). */
const framed = (d: Dialect, expr: string): string => `CAST(length(coalesce(${expr}, '')) AS ${FN[d].text}) || ':' || coalesce(${expr}, '')`;

/** An aggregate over one table's column rows: `ordinal`, `name` and `type` are column expressions of those rows. */
export function columnFingerprintSql(d: Dialect, ordinal: string, name: string, type: string): string {
  const f = FN[d];
  const element = `lpad(CAST(${ordinal} AS ${f.text}), 9, '0') || ':' || ${framed(d, name)} || ':' || ${framed(d, type)}`;
  return `md5(${f.join}(array_sort(${f.list}(${element})), ','))`;
}

/** An aggregate over one table's tag rows (its own with `column` NULL, and its columns'). */
export function tagFingerprintSql(d: Dialect, column: string, key: string, value: string): string {
  const f = FN[d];
  const element = `${framed(d, column)} || ':' || ${framed(d, key)} || ':' || ${framed(d, value)}`;
  return `md5(${f.join}(array_sort(${f.list}(${element})), ','))`;
}

/** The tag fingerprint of a table without tags: md5 of the empty string, as both aggregates give for no rows once coalesced. */
export const NO_TAGS_FINGERPRINT = 'd41d8cd98f00b204e9800998ecf8427e';
