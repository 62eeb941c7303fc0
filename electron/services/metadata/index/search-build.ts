/**
 * Search without DuckDB's full-text extension (it is downloaded on first use; the app works offline). At commit the
 * index keeps the distinct lower-cased terms a search looks in — column names, comments, tags (`key=value`) — which
 * are few beside the two million columns they come from; a query finds the matching terms with `contains`, then the
 * objects holding them (search.ts). Building it is one aggregate per kind, not a document per column.
 */

export const SEARCH_DDL = 'CREATE TABLE IF NOT EXISTS search_terms (kind VARCHAR, term VARCHAR)';

/** Builds `<p>search_terms` from the `<p>`-prefixed snapshot tables. */
export function searchBuildSql(p: string): string {
  return `
DROP TABLE IF EXISTS ${p}search_terms;
CREATE TABLE ${p}search_terms AS
  SELECT DISTINCT 'column' AS kind, lower(name) AS term FROM ${p}columns
  UNION SELECT DISTINCT 'comment', lower(comment) FROM ${p}columns WHERE comment IS NOT NULL
  UNION SELECT DISTINCT 'comment', lower(comment) FROM ${p}tables WHERE comment IS NOT NULL
  UNION SELECT DISTINCT 'tag', lower(tag_name || '=' || coalesce(tag_value, '')) FROM ${p}tags;`;
}
