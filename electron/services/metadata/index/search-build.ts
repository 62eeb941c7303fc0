/**
 * Search without DuckDB's full-text extension (it is downloaded on first use; the app works offline): every
 * catalog, schema, table and column becomes a lower-cased text of its name, comment and tags, separated by a unit
 * separator. Identical texts are stored once (`search_text`, e.g. the same column name and comment across
 * thousands of tables) and objects point at them (`search_docs`), so a query scans the distinct texts with
 * `contains` and joins back by integer id instead of scanning two million strings. The working tables are ordinary
 * (disk-backed) ones, not TEMP: DuckDB keeps temporary tables in memory, and two million rows would not fit the
 * memory the crawl is allowed.
 */

export const SEARCH_DDL = [
  'CREATE TABLE IF NOT EXISTS search_text (id INTEGER, text VARCHAR)',
  'CREATE TABLE IF NOT EXISTS search_docs (id INTEGER, kind VARCHAR, catalog VARCHAR, schema VARCHAR, table_name VARCHAR, column_name VARCHAR)',
].join(';\n');

/** Builds `<p>search_text` and `<p>search_docs` from the `<p>`-prefixed snapshot tables. */
export function searchBuildSql(p: string): string {
  const k = (c: string) => `coalesce(${c}, '')`;
  return `
CREATE OR REPLACE TABLE search_tags AS
  SELECT kind, ${k('catalog')} AS c, ${k('schema')} AS s, ${k('table_name')} AS t, ${k('column_name')} AS n,
    string_agg(tag_name || '=' || coalesce(tag_value, ''), ' ' ORDER BY tag_name) AS tags
  FROM ${p}tags GROUP BY ALL;
CREATE OR REPLACE TABLE search_src AS
  SELECT 'CATALOG' AS kind, catalog, CAST(NULL AS VARCHAR) AS schema, CAST(NULL AS VARCHAR) AS table_name, CAST(NULL AS VARCHAR) AS column_name, catalog AS name, comment FROM ${p}catalogs
  UNION ALL SELECT 'SCHEMA', catalog, schema, NULL, NULL, schema, comment FROM ${p}schemas
  UNION ALL SELECT 'TABLE', catalog, schema, name, NULL, name, comment FROM ${p}tables
  UNION ALL SELECT 'COLUMN', catalog, schema, table_name, name, name, comment FROM ${p}columns;
CREATE OR REPLACE TABLE search_all AS
  SELECT d.kind, d.catalog, d.schema, d.table_name, d.column_name,
    lower(d.name) || chr(31) || lower(coalesce(d.comment, '')) || chr(31) || lower(coalesce(g.tags, '')) AS text
  FROM search_src d LEFT JOIN search_tags g ON g.kind = d.kind AND g.c = ${k('d.catalog')} AND g.s = ${k('d.schema')} AND g.t = ${k('d.table_name')} AND g.n = ${k('d.column_name')};
DROP TABLE IF EXISTS ${p}search_text;
CREATE TABLE ${p}search_text AS SELECT CAST(row_number() OVER () AS INTEGER) AS id, text FROM (SELECT DISTINCT text FROM search_all);
DROP TABLE IF EXISTS ${p}search_docs;
CREATE TABLE ${p}search_docs AS SELECT x.id, a.kind, a.catalog, a.schema, a.table_name, a.column_name FROM search_all a JOIN ${p}search_text x ON x.text = a.text;
DROP TABLE search_tags; DROP TABLE search_src; DROP TABLE search_all;`;
}
