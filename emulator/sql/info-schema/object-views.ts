import { ts, type Visibility } from './scope';

/** information_schema views over securables, with the columns the reference lists (§2), in order. */

const FROM_SCHEMAS = 'uc.schemas s JOIN uc.catalogs c ON c.id = s.catalog_id';

export const catalogs = (v: Visibility): string => `
SELECT c.name AS catalog_name, c.owner AS catalog_owner, c.comment AS comment, ${ts('c.created')} AS created,
  c.created_by, ${ts('c.last_altered')} AS last_altered, c.last_altered_by
FROM uc.catalogs c WHERE ${v.catalogScope()} AND ${v.catalog()}`;

export const schemata = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, s.owner AS schema_owner, s.comment AS comment,
  ${ts('s.created')} AS created, s.created_by, ${ts('s.last_altered')} AS last_altered, s.last_altered_by
FROM ${FROM_SCHEMAS} WHERE ${v.catalogScope()} AND ${v.schema()}`;

const FROM_TABLES = `uc.tables t JOIN ${FROM_SCHEMAS} ON s.id = t.schema_id`;

export const tables = (v: Visibility): string => `
SELECT c.name AS table_catalog, s.name AS table_schema, t.name AS table_name, t.table_type,
  CASE WHEN t.table_type = 'VIEW' THEN 'NO' ELSE 'YES' END AS is_insertable_into, 'PRESERVE' AS commit_action,
  t.owner AS table_owner, t.comment, ${ts('t.created')} AS created, t.created_by, ${ts('t.last_altered')} AS last_altered,
  t.last_altered_by, t.data_source_format, t.storage_path, CAST(NULL AS VARCHAR) AS storage_sub_directory
FROM ${FROM_TABLES} WHERE ${v.catalogScope()} AND ${v.table()}`;

/** Tables join their (shared) column list, so two million column rows are produced by the join, streaming. */
export const columns = (v: Visibility): string => `
SELECT c.name AS table_catalog, s.name AS table_schema, t.name AS table_name, k.column_name, k.ordinal AS ordinal_position,
  CAST(NULL AS VARCHAR) AS column_default, k.is_nullable, k.full_data_type, k.data_type,
  k.character_maximum_length, k.character_maximum_length AS character_octet_length, k.numeric_precision,
  k.numeric_precision_radix, k.numeric_scale, k.datetime_precision, CAST(NULL AS VARCHAR) AS interval_type,
  CAST(NULL AS INTEGER) AS interval_precision, CAST(NULL AS INTEGER) AS maximum_cardinality, 'NO' AS is_identity,
  CAST(NULL AS VARCHAR) AS identity_generation, CAST(NULL AS VARCHAR) AS identity_start,
  CAST(NULL AS VARCHAR) AS identity_increment, CAST(NULL AS VARCHAR) AS identity_maximum,
  CAST(NULL AS VARCHAR) AS identity_minimum, CAST(NULL AS VARCHAR) AS identity_cycle, 'NEVER' AS is_generated,
  CAST(NULL AS VARCHAR) AS generation_expression, 'NO' AS is_system_time_period_start, 'NO' AS is_system_time_period_end,
  CAST(NULL AS VARCHAR) AS system_time_period_timestamp_generation,
  CASE WHEN t.table_type = 'VIEW' THEN 'NO' ELSE 'YES' END AS is_updatable,
  CAST(NULL AS INTEGER) AS partition_ordinal_position, k.comment
FROM ${FROM_TABLES} JOIN uc.column_sets k ON k.set_id = t.column_set
WHERE ${v.catalogScope()} AND ${v.table()}`;

export const views = (v: Visibility): string => `
SELECT c.name AS table_catalog, s.name AS table_schema, t.name AS table_name, t.view_definition,
  'NONE' AS check_option, 'NO' AS is_updatable, 'NO' AS is_insertable_into, CAST(NULL AS VARCHAR) AS sql_path,
  'NO' AS is_materialized
FROM ${FROM_TABLES} WHERE t.table_type = 'VIEW' AND ${v.catalogScope()} AND ${v.table()}`;

export const volumes = (v: Visibility): string => `
SELECT c.name AS volume_catalog, s.name AS volume_schema, o.name AS volume_name, o.volume_type, o.owner AS volume_owner,
  o.comment, o.storage_location, ${ts('o.created')} AS created, o.created_by, ${ts('o.last_altered')} AS last_altered,
  o.last_altered_by
FROM uc.volumes o JOIN ${FROM_SCHEMAS} ON s.id = o.schema_id WHERE ${v.catalogScope()} AND ${v.volume('o')}`;

export const routines = (v: Visibility): string => `
SELECT c.name AS specific_catalog, s.name AS specific_schema, f.name AS specific_name, c.name AS routine_catalog,
  s.name AS routine_schema, f.name AS routine_name, f.owner AS routine_owner, 'FUNCTION' AS routine_type, f.data_type,
  f.full_data_type, 'SQL' AS routine_body, f.routine_definition, CAST(NULL AS VARCHAR) AS external_name,
  CAST(NULL AS VARCHAR) AS external_language, 'SQL' AS parameter_style, f.is_deterministic, f.sql_data_access,
  'NO' AS is_null_call, CAST(NULL AS VARCHAR) AS sql_path, 'DEFINER' AS security_type, 'NO' AS as_locator, f.comment,
  ${ts('f.created')} AS created, f.created_by, ${ts('f.last_altered')} AS last_altered, f.last_altered_by
FROM uc.functions f JOIN ${FROM_SCHEMAS} ON s.id = f.schema_id WHERE ${v.catalogScope()} AND ${v.routine()}`;

export const rowFilters = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, t.name AS table_name, r.filter_catalog, r.filter_schema,
  r.filter_name, r.col_usage AS filter_col_usage
FROM uc.row_filters r JOIN ${FROM_TABLES} ON t.id = r.table_id WHERE ${v.catalogScope()} AND ${v.table()}`;

export const columnMasks = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, t.name AS table_name, m.column_name, m.mask_catalog,
  m.mask_schema, m.mask_name, m.col_usage AS mask_col_usage
FROM uc.column_masks m JOIN ${FROM_TABLES} ON t.id = m.table_id WHERE ${v.catalogScope()} AND ${v.table()}`;
