import type { Visibility } from './scope';

/**
 * Privilege and tag views (reference §2). PRIVILEGE_TYPE uses the underscore spelling (§2 details, R58),
 * IS_GRANTABLE is always 'NO' (R28). INHERITED_FROM is 'NONE' on a direct grant and the ancestor's securable type
 * ('CATALOG', 'SCHEMA') on an inherited one: TABLE_PRIVILEGES documents the column NOT NULL
 * (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/table_privileges), and public queries
 * run on real workspaces compare it with 'NONE', 'CATALOG' and 'SCHEMA'. The pages do not spell the values out.
 */

const FROM_SCHEMAS = 'uc.schemas s JOIN uc.catalogs c ON c.id = s.catalog_id';

export const catalogPrivileges = (v: Visibility): string => `
SELECT g.grantor, g.grantee, c.name AS catalog_name, g.privilege AS privilege_type, 'NO' AS is_grantable,
  'NONE' AS inherited_from
FROM uc.grants g JOIN uc.catalogs c ON g.securable_kind = 'CATALOG' AND g.securable_id = c.id
WHERE ${v.catalogScope()} AND ${v.catalog()} AND ${v.grantRow('g', ['c.owner'])}`;

export const schemaPrivileges = (v: Visibility): string => `
SELECT g.grantor, g.grantee, c.name AS catalog_name, s.name AS schema_name, g.privilege AS privilege_type,
  'NO' AS is_grantable, CASE WHEN g.securable_kind = 'CATALOG' THEN 'CATALOG' ELSE 'NONE' END AS inherited_from
FROM ${FROM_SCHEMAS} JOIN uc.grants g ON (g.securable_kind = 'SCHEMA' AND g.securable_id = s.id)
  OR (g.securable_kind = 'CATALOG' AND g.securable_id = c.id AND g.privilege NOT IN ('USE_CATALOG', 'CREATE_SCHEMA', 'BROWSE'))
WHERE ${v.catalogScope()} AND ${v.schema()}
  AND ${v.grantRow('g', ['s.owner', 'c.owner'])}`;

/** Table privileges include those inherited from the schema and catalog (privileges that apply to tables). */
export const tablePrivileges = (v: Visibility): string => `
SELECT g.grantor, g.grantee, c.name AS table_catalog, s.name AS table_schema, t.name AS table_name,
  g.privilege AS privilege_type, 'NO' AS is_grantable,
  CASE g.securable_kind WHEN 'TABLE' THEN 'NONE' ELSE g.securable_kind END AS inherited_from
FROM uc.tables t JOIN ${FROM_SCHEMAS} ON s.id = t.schema_id
JOIN uc.grants g ON (g.securable_kind = 'TABLE' AND g.securable_id = t.id)
  OR (g.securable_kind IN ('SCHEMA', 'CATALOG') AND g.securable_id IN (s.id, c.id)
      AND g.privilege IN ('ALL_PRIVILEGES', 'SELECT', 'MODIFY', 'MANAGE', 'APPLY_TAG'))
WHERE ${v.catalogScope()} AND ${v.table()}
  AND ${v.grantRow('g', ['t.owner', 's.owner', 'c.owner'])}`;

/**
 * Volume privileges, direct and inherited from the schema and catalog
 * (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/volume_privileges).
 */
export const volumePrivileges = (v: Visibility): string => `
SELECT g.grantor, g.grantee, c.name AS volume_catalog, s.name AS volume_schema, o.name AS volume_name,
  g.privilege AS privilege_type, 'NO' AS is_grantable,
  CASE g.securable_kind WHEN 'VOLUME' THEN 'NONE' ELSE g.securable_kind END AS inherited_from
FROM uc.volumes o JOIN ${FROM_SCHEMAS} ON s.id = o.schema_id
JOIN uc.grants g ON (g.securable_kind = 'VOLUME' AND g.securable_id = o.id)
  OR (g.securable_kind IN ('SCHEMA', 'CATALOG') AND g.securable_id IN (s.id, c.id)
      AND g.privilege IN ('ALL_PRIVILEGES', 'READ_VOLUME', 'WRITE_VOLUME', 'MANAGE', 'APPLY_TAG'))
WHERE ${v.catalogScope()} AND ${v.volume('o')}
  AND ${v.grantRow('g', ['o.owner', 's.owner', 'c.owner'])}`;

/**
 * Routine privileges (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/routine_privileges).
 * The page lists `ROUTNE_SCHEMA`, a typo: the column is routine_schema here, as in ROUTINES.
 */
export const routinePrivileges = (v: Visibility): string => `
SELECT g.grantor, g.grantee, c.name AS specific_catalog, s.name AS specific_schema, f.name AS specific_name,
  c.name AS routine_catalog, s.name AS routine_schema, f.name AS routine_name, g.privilege AS privilege_type,
  'NO' AS is_grantable, CASE g.securable_kind WHEN 'FUNCTION' THEN 'NONE' ELSE g.securable_kind END AS inherited_from
FROM uc.functions f JOIN ${FROM_SCHEMAS} ON s.id = f.schema_id
JOIN uc.grants g ON (g.securable_kind = 'FUNCTION' AND g.securable_id = f.id)
  OR (g.securable_kind IN ('SCHEMA', 'CATALOG') AND g.securable_id IN (s.id, c.id) AND g.privilege IN ('ALL_PRIVILEGES', 'EXECUTE', 'MANAGE'))
WHERE ${v.catalogScope()} AND ${v.routine()}
  AND ${v.grantRow('g', ['f.owner', 's.owner', 'c.owner'])}`;

export const catalogTags = (v: Visibility): string => `
SELECT c.name AS catalog_name, g.tag_name, g.tag_value
FROM uc.tags g JOIN uc.catalogs c ON g.target_kind = 'CATALOG' AND g.target_id = c.id
WHERE ${v.catalogScope()} AND ${v.catalog()}`;

export const schemaTags = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, g.tag_name, g.tag_value
FROM uc.tags g JOIN ${FROM_SCHEMAS} ON g.target_kind = 'SCHEMA' AND g.target_id = s.id
WHERE ${v.catalogScope()} AND ${v.schema()}`;

const FROM_TABLES = `uc.tables t JOIN ${FROM_SCHEMAS} ON s.id = t.schema_id`;

export const tableTags = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, t.name AS table_name, g.tag_name, g.tag_value
FROM uc.tags g JOIN ${FROM_TABLES} ON g.target_kind = 'TABLE' AND g.target_id = t.id
WHERE ${v.catalogScope()} AND ${v.table()}`;

export const columnTags = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, t.name AS table_name, k.column_name, g.tag_name, g.tag_value
FROM uc.tags g JOIN ${FROM_TABLES} ON g.target_kind = 'COLUMN' AND g.target_id = t.id
JOIN uc.column_sets k ON k.set_id = t.column_set AND lower(k.column_name) = g.column_name
WHERE ${v.catalogScope()} AND ${v.table()}`;

export const volumeTags = (v: Visibility): string => `
SELECT c.name AS catalog_name, s.name AS schema_name, o.name AS volume_name, g.tag_name, g.tag_value
FROM uc.tags g JOIN uc.volumes o ON g.target_kind = 'VOLUME' AND g.target_id = o.id JOIN ${FROM_SCHEMAS} ON s.id = o.schema_id
WHERE ${v.catalogScope()} AND ${v.volume('o')}`;
