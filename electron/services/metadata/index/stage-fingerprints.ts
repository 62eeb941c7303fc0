import { columnFingerprintSql, NO_TAGS_FINGERPRINT, tagFingerprintSql } from '../../../../shared/metadata/fingerprint';

/**
 * After a full crawl, the stage's tables get the fingerprints a re-crawl will compare: computed here in DuckDB with
 * the formula the warehouse uses in a re-crawl (shared/metadata/fingerprint.ts), so the warehouse is not asked to
 * aggregate every column twice. A re-crawl has them from the warehouse already.
 *
 * One catalog at a time (`$1`): the formula collects each table's columns into a list, and lists cannot spill to
 * disk, so the whole metastore's at once would not fit the index's memory limit.
 */
export function stageFingerprintStatements(): string[] {
  const columnFp = columnFingerprintSql('duckdb', 'ordinal', 'name', 'full_data_type');
  const tagFp = tagFingerprintSql('duckdb', 'column_name', 'tag_name', 'tag_value');
  return [`
UPDATE stage_tables t SET column_fp = f.fp FROM (
  SELECT catalog, schema, table_name, ${columnFp} AS fp FROM stage_columns WHERE catalog = $1 GROUP BY catalog, schema, table_name
) f WHERE f.catalog = t.catalog AND f.schema = t.schema AND f.table_name = t.name`, `
UPDATE stage_tables t SET tag_fp = g.fp FROM (
  SELECT catalog, schema, table_name, ${tagFp} AS fp FROM stage_tags WHERE kind IN ('TABLE', 'COLUMN') AND catalog = $1 GROUP BY catalog, schema, table_name
) g WHERE g.catalog = t.catalog AND g.schema = t.schema AND g.table_name = t.name`];
}

/**
 * Tables without columns or tags get the fingerprint of nothing (as the warehouse's coalesce gives them). Only those
 * rows are updated: an update of every row (100,000 at the large seed) would have the commit's checkpoint rewrite
 * both columns for nothing.
 */
export const STAGE_EMPTY_FINGERPRINTS_SQL = `UPDATE stage_tables SET column_fp = coalesce(column_fp, md5('')), tag_fp = coalesce(tag_fp, '${NO_TAGS_FINGERPRINT}') WHERE column_fp IS NULL OR tag_fp IS NULL;`;

/** Columns per table, for the tree (a table's children), in either kind of crawl. */
export const STAGE_COLUMN_COUNTS_SQL = `
UPDATE stage_tables t SET column_count = f.n FROM (
  SELECT catalog, schema, table_name, CAST(count(*) AS INTEGER) AS n FROM stage_columns GROUP BY catalog, schema, table_name
) f WHERE f.catalog = t.catalog AND f.schema = t.schema AND f.table_name = t.name;
UPDATE stage_tables SET column_count = 0 WHERE column_count IS NULL;`;
