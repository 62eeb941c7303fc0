import { duckString } from '../sql/duck';
import { informationSchemaSql, type InfoScope } from '../sql/info-schema';

/**
 * The JDBC-shaped results of the Thrift metadata calls (GetCatalogs, GetSchemas, GetTables, GetColumns,
 * GetFunctions), with the JDBC column names the driver hands to the app as row keys (reference §1, metadata
 * calls), built on the caller's information_schema. Name arguments are JDBC patterns (`%`, `_`).
 */
const like = (column: string, pattern: string | undefined | null): string =>
  pattern === undefined || pattern === null || pattern === '' || pattern === '%' || pattern === '*'
    ? 'TRUE'
    : `${column} ILIKE ${duckString(pattern.replaceAll('*', '%'))} ESCAPE '\\'`;

const view = (name: string, scope: InfoScope) => `(${informationSchemaSql(name, scope)!})`;

export const catalogsSql = (scope: InfoScope): string => `SELECT catalog_name AS TABLE_CAT FROM ${view('catalogs', scope)} ORDER BY 1`;

export const schemasSql = (scope: InfoScope, catalog?: string, schema?: string): string => `
SELECT schema_name AS TABLE_SCHEM, catalog_name AS TABLE_CATALOG FROM ${view('schemata', scope)}
WHERE ${like('catalog_name', catalog)} AND ${like('schema_name', schema)} ORDER BY 2, 1`;

export function tablesSql(scope: InfoScope, catalog?: string, schema?: string, table?: string, types?: readonly string[]): string {
  const wanted = (types ?? []).map((t) => t.toUpperCase());
  const typeFilter = wanted.length === 0 ? 'TRUE' : `jdbc_type IN (${wanted.map(duckString).join(', ')})`;
  return `
SELECT * EXCLUDE (jdbc_type) FROM (
  SELECT table_catalog AS TABLE_CAT, table_schema AS TABLE_SCHEM, table_name AS TABLE_NAME,
    CASE WHEN table_type = 'VIEW' THEN 'VIEW' ELSE 'TABLE' END AS TABLE_TYPE, comment AS REMARKS,
    CAST(NULL AS VARCHAR) AS TYPE_CAT, CAST(NULL AS VARCHAR) AS TYPE_SCHEM, CAST(NULL AS VARCHAR) AS TYPE_NAME,
    CAST(NULL AS VARCHAR) AS SELF_REFERENCING_COL_NAME, CAST(NULL AS VARCHAR) AS REF_GENERATION,
    CASE WHEN table_type = 'VIEW' THEN 'VIEW' ELSE 'TABLE' END AS jdbc_type
  FROM ${view('tables', scope)}
  WHERE ${like('table_catalog', catalog)} AND ${like('table_schema', schema)} AND ${like('table_name', table)}
) WHERE ${typeFilter} ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME`;
}

/** java.sql.Types codes for DATA_TYPE. */
const JDBC_TYPES = `CASE data_type WHEN 'BOOLEAN' THEN 16 WHEN 'TINYINT' THEN -6 WHEN 'SMALLINT' THEN 5 WHEN 'INT' THEN 4
  WHEN 'BIGINT' THEN -5 WHEN 'FLOAT' THEN 6 WHEN 'DOUBLE' THEN 8 WHEN 'DECIMAL' THEN 3 WHEN 'DATE' THEN 91
  WHEN 'TIMESTAMP' THEN 93 WHEN 'TIMESTAMP_NTZ' THEN 93 WHEN 'BINARY' THEN -2 WHEN 'ARRAY' THEN 2003 WHEN 'MAP' THEN 2000
  WHEN 'STRUCT' THEN 2002 WHEN 'CHAR' THEN 1 WHEN 'VARCHAR' THEN 12 WHEN 'STRING' THEN 12 ELSE 1111 END`;

export const columnsSql = (scope: InfoScope, catalog?: string, schema?: string, table?: string, column?: string): string => `
SELECT table_catalog AS TABLE_CAT, table_schema AS TABLE_SCHEM, table_name AS TABLE_NAME, column_name AS COLUMN_NAME,
  CAST(${JDBC_TYPES} AS INTEGER) AS DATA_TYPE, upper(full_data_type) AS TYPE_NAME,
  CAST(coalesce(numeric_precision, character_maximum_length) AS INTEGER) AS COLUMN_SIZE, CAST(NULL AS INTEGER) AS BUFFER_LENGTH,
  CAST(numeric_scale AS INTEGER) AS DECIMAL_DIGITS, CAST(numeric_precision_radix AS INTEGER) AS NUM_PREC_RADIX,
  CAST(CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS INTEGER) AS NULLABLE, comment AS REMARKS,
  column_default AS COLUMN_DEF, CAST(NULL AS INTEGER) AS SQL_DATA_TYPE, CAST(NULL AS INTEGER) AS SQL_DATETIME_SUB,
  CAST(character_octet_length AS INTEGER) AS CHAR_OCTET_LENGTH, CAST(ordinal_position AS INTEGER) AS ORDINAL_POSITION,
  is_nullable AS IS_NULLABLE, CAST(NULL AS VARCHAR) AS SCOPE_CATALOG, CAST(NULL AS VARCHAR) AS SCOPE_SCHEMA,
  CAST(NULL AS VARCHAR) AS SCOPE_TABLE, CAST(NULL AS SMALLINT) AS SOURCE_DATA_TYPE, 'NO' AS IS_AUTO_INCREMENT,
  'NO' AS IS_GENERATEDCOLUMN
FROM ${view('columns', scope)}
WHERE ${like('table_catalog', catalog)} AND ${like('table_schema', schema)} AND ${like('table_name', table)} AND ${like('column_name', column)}
ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION`;

export const functionsSql = (scope: InfoScope, catalog?: string, schema?: string, fn?: string): string => `
SELECT routine_catalog AS FUNCTION_CAT, routine_schema AS FUNCTION_SCHEM, routine_name AS FUNCTION_NAME,
  comment AS REMARKS, CAST(CASE WHEN full_data_type = 'table' THEN 2 ELSE 1 END AS INTEGER) AS FUNCTION_TYPE,
  specific_name AS SPECIFIC_NAME
FROM ${view('routines', scope)}
WHERE ${like('routine_catalog', catalog)} AND ${like('routine_schema', schema)} AND ${like('routine_name', fn)}
ORDER BY 1, 2, 3`;

export const tableTypesSql = (): string => `SELECT * FROM (VALUES ('TABLE'), ('VIEW')) AS t(TABLE_TYPE)`;

/** UC has no enforced keys in the sandbox: the key calls answer with their JDBC columns and no rows. */
export const primaryKeysSql = (): string =>
  `SELECT CAST(NULL AS VARCHAR) AS TABLE_CAT, CAST(NULL AS VARCHAR) AS TABLE_SCHEM, CAST(NULL AS VARCHAR) AS TABLE_NAME,
    CAST(NULL AS VARCHAR) AS COLUMN_NAME, CAST(NULL AS INTEGER) AS KEY_SEQ, CAST(NULL AS VARCHAR) AS PK_NAME WHERE FALSE`;

export const crossReferenceSql = (): string =>
  `SELECT ${['PKTABLE_CAT', 'PKTABLE_SCHEM', 'PKTABLE_NAME', 'PKCOLUMN_NAME', 'FKTABLE_CAT', 'FKTABLE_SCHEM', 'FKTABLE_NAME', 'FKCOLUMN_NAME']
    .map((c) => `CAST(NULL AS VARCHAR) AS ${c}`)
    .join(', ')}, CAST(NULL AS INTEGER) AS KEY_SEQ, CAST(NULL AS INTEGER) AS UPDATE_RULE, CAST(NULL AS INTEGER) AS DELETE_RULE,
    CAST(NULL AS VARCHAR) AS FK_NAME, CAST(NULL AS VARCHAR) AS PK_NAME, CAST(NULL AS INTEGER) AS DEFERRABILITY WHERE FALSE`;

export const typeInfoSql = (): string => `
SELECT TYPE_NAME, CAST(DATA_TYPE AS INTEGER) AS DATA_TYPE, CAST(PRECISION AS INTEGER) AS PRECISION FROM (VALUES
  ('BOOLEAN', 16, NULL), ('TINYINT', -6, 3), ('SMALLINT', 5, 5), ('INT', 4, 10), ('BIGINT', -5, 19), ('FLOAT', 6, 7),
  ('DOUBLE', 8, 15), ('DECIMAL', 3, 38), ('STRING', 12, NULL), ('BINARY', -2, NULL), ('DATE', 91, NULL),
  ('TIMESTAMP', 93, NULL), ('ARRAY', 2003, NULL), ('MAP', 2000, NULL), ('STRUCT', 2002, NULL)
) AS t(TYPE_NAME, DATA_TYPE, PRECISION)`;
