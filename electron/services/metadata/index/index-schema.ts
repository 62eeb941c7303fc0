import { SEARCH_DDL } from './search-build';

/**
 * The local index of one workspace's metastore (DuckDB): one table per kind of metadata, plus `snapshot` (what the
 * tables hold: when, how, counts, the re-crawl watermark) and `diff` (what the last re-crawl found). A crawl writes
 * `stage_<table>` copies and commits by renaming them over the current ones in one transaction, so readers always
 * see one whole snapshot and a cancelled or failed crawl leaves the previous one untouched.
 *
 * Column types: v = VARCHAR, i = INTEGER, l = BIGINT (epoch ms or counts), b = BOOLEAN.
 */
export type IndexColumnType = 'v' | 'i' | 'l' | 'b';

export const INDEX_TABLES = {
  catalogs: [['catalog', 'v'], ['owner', 'v'], ['comment', 'v'], ['created', 'l'], ['last_altered', 'l']],
  schemas: [['catalog', 'v'], ['schema', 'v'], ['owner', 'v'], ['comment', 'v'], ['created', 'l'], ['last_altered', 'l']],
  tables: [
    ['catalog', 'v'], ['schema', 'v'], ['name', 'v'], ['table_type', 'v'], ['owner', 'v'], ['comment', 'v'], ['data_source_format', 'v'],
    ['created', 'l'], ['last_altered', 'l'], ['column_fp', 'v'], ['tag_fp', 'v'], ['column_count', 'i'],
  ],
  columns: [['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['name', 'v'], ['ordinal', 'i'], ['full_data_type', 'v'], ['comment', 'v'], ['nullable', 'b']],
  /** `kind`: CATALOG, SCHEMA, TABLE or COLUMN; the name parts below it are NULL. */
  tags: [['kind', 'v'], ['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['column_name', 'v'], ['tag_name', 'v'], ['tag_value', 'v']],
  /** Direct grants only (inheritance is computed when read). */
  grants: [['kind', 'v'], ['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['grantee', 'v'], ['privilege', 'v']],
  row_filters: [['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['function_name', 'v'], ['col_usage', 'v']],
  column_masks: [['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['column_name', 'v'], ['function_name', 'v'], ['col_usage', 'v']],
  /**
   * ABAC policies (reference §1.13) by where they are attached; `match_columns` are the MATCH COLUMNS conditions
   * joined by a record separator, `when_condition` the WHEN (both null when only SHOW POLICIES could be read).
   */
  policies: [['catalog', 'v'], ['schema', 'v'], ['table_name', 'v'], ['name', 'v'], ['policy_type', 'v'], ['on_type', 'v'], ['match_columns', 'v'], ['when_condition', 'v']],
  table_lineage: [['source', 'v'], ['target', 'v'], ['source_type', 'v'], ['target_type', 'v'], ['events', 'l'], ['last_at', 'l']],
  column_lineage: [['source', 'v'], ['target', 'v'], ['source_column', 'v'], ['target_column', 'v'], ['events', 'l'], ['last_at', 'l']],
  /** `kind`: read (name = table), action (Unity Catalog audit action) or statement (query history statement type). */
  audit: [['kind', 'v'], ['name', 'v'], ['principals', 'l'], ['events', 'l'], ['last_at', 'l']],
} as const satisfies Record<string, readonly (readonly [string, IndexColumnType])[]>;

export type IndexTable = keyof typeof INDEX_TABLES;
export const INDEX_TABLE_NAMES = Object.keys(INDEX_TABLES) as IndexTable[];

const DUCK: Readonly<Record<IndexColumnType, string>> = { v: 'VARCHAR', i: 'INTEGER', l: 'BIGINT', b: 'BOOLEAN' };

export const STAGE_PREFIX = 'stage_';

export function tableDdl(name: string, table: IndexTable): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (${INDEX_TABLES[table].map(([c, t]) => `${c} ${DUCK[t]}`).join(', ')})`;
}

/** The current snapshot's tables (empty until the first crawl), its record and the last diff. */
export function indexDdl(): string {
  return [
    ...INDEX_TABLE_NAMES.map((t) => tableDdl(t, t)),
    'CREATE TABLE IF NOT EXISTS snapshot (id VARCHAR, record VARCHAR)',
    'CREATE TABLE IF NOT EXISTS diff (change VARCHAR, full_name VARCHAR, object_type VARCHAR, details VARCHAR)',
    SEARCH_DDL,
    // What the selection rules register, rebuilt after each crawl and each change of the rules (selection-build.ts).
    'CREATE TABLE IF NOT EXISTS selection (kind VARCHAR, catalog VARCHAR, schema VARCHAR, name VARCHAR, active BOOLEAN, fingerprint VARCHAR)',
  ].join(';\n');
}
