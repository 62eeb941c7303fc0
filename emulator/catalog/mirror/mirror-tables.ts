/**
 * The catalog mirror: one DuckDB table per kind of metadata, so information_schema is ordinary SQL (joins,
 * filters, streaming) over rows kept in step with the model. Times are epoch milliseconds (`BIGINT`).
 * Column kinds: v = VARCHAR, i = INTEGER, l = BIGINT, b = BOOLEAN.
 */
export type ColumnKind = 'v' | 'i' | 'l' | 'b';

export interface MirrorTable {
  readonly name: string;
  readonly columns: readonly (readonly [string, ColumnKind])[];
  /** Column identifying the rows of one entity, for delete-then-insert updates. */
  readonly key: string;
}

const stamp: readonly (readonly [string, ColumnKind])[] = [
  ['created', 'l'],
  ['created_by', 'v'],
  ['last_altered', 'l'],
  ['last_altered_by', 'v'],
];

export const MIRROR_TABLES = {
  catalogs: {
    name: 'catalogs',
    key: 'id',
    columns: [['id', 'v'], ['name', 'v'], ['owner', 'v'], ['comment', 'v'], ...stamp, ['catalog_type', 'v'], ['bound', 'b']],
  },
  schemas: {
    name: 'schemas',
    key: 'id',
    columns: [['id', 'v'], ['catalog_id', 'v'], ['name', 'v'], ['owner', 'v'], ['comment', 'v'], ...stamp],
  },
  tables: {
    name: 'tables',
    key: 'id',
    columns: [
      ['id', 'v'], ['schema_id', 'v'], ['name', 'v'], ['table_type', 'v'], ['owner', 'v'], ['comment', 'v'], ...stamp,
      ['column_set', 'i'], ['data_source_format', 'v'], ['storage_path', 'v'], ['view_definition', 'v'],
    ],
  },
  column_sets: {
    name: 'column_sets',
    key: 'set_id',
    columns: [
      ['set_id', 'i'], ['ordinal', 'i'], ['column_name', 'v'], ['full_data_type', 'v'], ['data_type', 'v'], ['is_nullable', 'v'],
      ['comment', 'v'], ['numeric_precision', 'i'], ['numeric_precision_radix', 'i'], ['numeric_scale', 'i'],
      ['datetime_precision', 'i'], ['character_maximum_length', 'i'],
    ],
  },
  volumes: {
    name: 'volumes',
    key: 'id',
    columns: [['id', 'v'], ['schema_id', 'v'], ['name', 'v'], ['volume_type', 'v'], ['owner', 'v'], ['comment', 'v'], ['storage_location', 'v'], ...stamp],
  },
  functions: {
    name: 'functions',
    key: 'id',
    columns: [
      ['id', 'v'], ['schema_id', 'v'], ['name', 'v'], ['owner', 'v'], ['comment', 'v'], ['data_type', 'v'], ['full_data_type', 'v'],
      ['routine_definition', 'v'], ['is_deterministic', 'v'], ['sql_data_access', 'v'], ['parameters', 'v'], ...stamp,
    ],
  },
  grants: {
    name: 'grants',
    key: 'securable',
    columns: [
      ['securable', 'v'], ['securable_kind', 'v'], ['securable_id', 'v'], ['grantee', 'v'], ['grantee_key', 'v'], ['privilege', 'v'], ['grantor', 'v'],
    ],
  },
  tags: {
    name: 'tags',
    key: 'target',
    columns: [['target', 'v'], ['target_kind', 'v'], ['target_id', 'v'], ['column_name', 'v'], ['tag_name', 'v'], ['tag_value', 'v']],
  },
  row_filters: {
    name: 'row_filters',
    key: 'table_id',
    columns: [['table_id', 'v'], ['filter_catalog', 'v'], ['filter_schema', 'v'], ['filter_name', 'v'], ['col_usage', 'v']],
  },
  column_masks: {
    name: 'column_masks',
    key: 'table_id',
    columns: [['table_id', 'v'], ['column_name', 'v'], ['mask_catalog', 'v'], ['mask_schema', 'v'], ['mask_name', 'v'], ['col_usage', 'v']],
  },
} as const satisfies Record<string, MirrorTable>;

export type MirrorTableName = keyof typeof MIRROR_TABLES;

const DUCK_TYPES: Readonly<Record<ColumnKind, string>> = { v: 'VARCHAR', i: 'INTEGER', l: 'BIGINT', b: 'BOOLEAN' };

export function mirrorDdl(): string {
  return Object.values(MIRROR_TABLES)
    .map((t) => `CREATE OR REPLACE TABLE uc.${t.name} (${t.columns.map(([n, k]) => `${n} ${DUCK_TYPES[k]}`).join(', ')});`)
    .join('\n');
}
