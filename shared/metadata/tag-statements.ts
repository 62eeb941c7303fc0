import { quoteLiteral } from '../sql/quote';
import { tablePredicate, type TableFilter } from './crawl-statements';

const IS = 'system.information_schema';

/**
 * The tags the named objects carry now, read fresh before a publish is planned (the last crawl may be old): catalog
 * and schema tags of the catalogs named, table and column tags of the tables named (pushed down per schema). One row
 * shape: kind, c, s, t, col, k, v.
 */
export function currentTagsStatement(catalogs: readonly string[], tables: ReadonlyMap<string, TableFilter>): string {
  const inCatalogs = `(${catalogs.map(quoteLiteral).join(', ')})`;
  const parts = [
    `SELECT 'CATALOG' AS kind, catalog_name AS c, CAST(NULL AS STRING) AS s, CAST(NULL AS STRING) AS t, CAST(NULL AS STRING) AS col, tag_name AS k, tag_value AS v FROM ${IS}.catalog_tags WHERE catalog_name IN ${inCatalogs}`,
    `SELECT 'SCHEMA', catalog_name, schema_name, NULL, NULL, tag_name, tag_value FROM ${IS}.schema_tags WHERE catalog_name IN ${inCatalogs}`,
  ];
  for (const [catalog, filter] of tables) {
    const c = quoteLiteral(catalog);
    parts.push(
      `SELECT 'TABLE', catalog_name, schema_name, table_name, NULL, tag_name, tag_value FROM ${IS}.table_tags WHERE catalog_name = ${c} AND ${tablePredicate(filter, 'schema_name', 'table_name')}`,
      `SELECT 'COLUMN', catalog_name, schema_name, table_name, column_name, tag_name, tag_value FROM ${IS}.column_tags WHERE catalog_name = ${c} AND ${tablePredicate(filter, 'schema_name', 'table_name')}`,
    );
  }
  return parts.join('\nUNION ALL ');
}
