/**
 * Search without DuckDB's full-text extension (it is downloaded on first use; the app works offline). At commit the
 * index keeps what a search looks in, lower-cased, beside the snapshot (search.ts reads them):
 * - `search_objects`: one row per catalog, schema and table with its name (`n`) and the rest a search matches (`rest`:
 *   its comment and its tags as `key=value`, one per line). A search of the tree's objects is then one scan of
 *   100,000 short strings; matching tags through a correlated subquery per table was most of a search's time at
 *   100,000 tables (about 150 ms of CPU where this scan takes 10-20 ms).
 * - `search_terms`: the distinct terms of columns — names, comments, tags — which are few beside the two million
 *   columns they come from; a column search finds the matching terms with `contains`, then the columns holding them.
 */

const TERMS = (p: string) => `
  SELECT DISTINCT 'column' AS kind, lower(name) AS term FROM ${p}columns
  UNION SELECT DISTINCT 'comment', lower(comment) FROM ${p}columns WHERE comment IS NOT NULL
  UNION SELECT DISTINCT 'comment', lower(comment) FROM ${p}tables WHERE comment IS NOT NULL
  UNION SELECT DISTINCT 'tag', lower(tag_name || '=' || coalesce(tag_value, '')) FROM ${p}tags`;

/** Column names of `search_objects`: `name` is the table's (null for catalogs and schemas), as in `tables`. */
const OBJECTS = (p: string) => `
  WITH tag_text AS (
    SELECT kind, catalog, schema, table_name, string_agg(lower(tag_name || '=' || coalesce(tag_value, '')), chr(10)) AS text
    FROM ${p}tags WHERE kind <> 'COLUMN' GROUP BY ALL)
  SELECT 'CATALOG' AS kind, x.catalog, CAST(NULL AS VARCHAR) AS schema, CAST(NULL AS VARCHAR) AS name, CAST(NULL AS VARCHAR) AS table_type, x.owner,
      lower(x.catalog) AS n, concat_ws(chr(10), lower(x.comment), g.text) AS rest
    FROM ${p}catalogs x LEFT JOIN tag_text g ON g.kind = 'CATALOG' AND g.catalog = x.catalog
  UNION ALL SELECT 'SCHEMA', x.catalog, x.schema, NULL, NULL, x.owner, lower(x.schema), concat_ws(chr(10), lower(x.comment), g.text)
    FROM ${p}schemas x LEFT JOIN tag_text g ON g.kind = 'SCHEMA' AND g.catalog = x.catalog AND g.schema = x.schema
  UNION ALL SELECT 'TABLE', x.catalog, x.schema, x.name, x.table_type, x.owner, lower(x.name), concat_ws(chr(10), lower(x.comment), g.text)
    FROM ${p}tables x LEFT JOIN tag_text g ON g.kind = 'TABLE' AND g.catalog = x.catalog AND g.schema = x.schema AND g.table_name = x.name`;

/** The tables `searchBuildSql` writes, renamed over the current ones at commit like the snapshot's. */
export const SEARCH_TABLES = ['search_terms', 'search_objects'] as const;

/**
 * At open: built from the current snapshot when missing (an index written before they existed answers searches
 * at once, without waiting for the next crawl); empty with an empty index.
 */
export const SEARCH_DDL = [`CREATE TABLE IF NOT EXISTS search_terms AS ${TERMS('')}`, `CREATE TABLE IF NOT EXISTS search_objects AS ${OBJECTS('')}`].join(';\n');

/** Builds `<p>search_terms` and `<p>search_objects` from the `<p>`-prefixed snapshot tables. */
export function searchBuildSql(p: string): string {
  return SEARCH_TABLES.map((t) => `DROP TABLE IF EXISTS ${p}${t}`)
    .concat([`CREATE TABLE ${p}search_terms AS ${TERMS(p)}`, `CREATE TABLE ${p}search_objects AS ${OBJECTS(p)}`])
    .join(';\n');
}
