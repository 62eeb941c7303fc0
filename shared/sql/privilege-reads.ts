import { quoteIdent, quoteLiteral, quoteName } from './quote';

/**
 * The one place that knows how to read Unity Catalog grants, for every step that reads them (step 2's observation,
 * step 3's policies, step 4's crawl). Two sources, each with its rule:
 *
 * 1. `system.information_schema.<x>_privileges`. `INHERITED_FROM` is `'NONE'` on a direct grant and names the
 *    ancestor's securable (`'CATALOG'`, `'SCHEMA'`) on an inherited one: the TABLE_PRIVILEGES page documents the
 *    column NOT NULL (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/table_privileges),
 *    the CATALOG/SCHEMA/VOLUME/ROUTINE pages still say nullable, and queries that run on real workspaces filter
 *    `inherited_from = 'NONE'`. `coalesce(inherited_from, 'NONE') = 'NONE'` is right under either reading.
 *    These views show a MANAGE holder who is not an owner or metastore admin only its *own* grants (the note on
 *    https://docs.databricks.com/aws/en/sql/language-manual/information-schema/catalog_privileges and the other
 *    *_privileges pages), so read them only where the reader owns the catalog or is a metastore admin.
 * 2. `SHOW GRANTS [principal] ON <securable>`, which a MANAGE holder may run to see every grant
 *    (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant). It lists the grants on the
 *    object and those it inherits, each with `objectType`: a row is direct when its objectType is the securable's
 *    own type.
 */

export type GrantSecurable = 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME' | 'FUNCTION';

/** A direct grant read from a privilege view: true under both the documented `'NONE'` and a NULL. */
export const DIRECT_GRANT_PREDICATE = "coalesce(inherited_from, 'NONE') = 'NONE'";

interface PrivilegeView {
  readonly view: string;
  /** The name-part columns, outermost first. */
  readonly parts: readonly string[];
}

/**
 * Each securable's view and name columns, as the information_schema pages list them. ROUTINE_PRIVILEGES is keyed by
 * the specific_* columns (its page documents `ROUTNE_SCHEMA`, a typo the specific_* columns avoid).
 */
export const PRIVILEGE_VIEWS: Readonly<Record<GrantSecurable, PrivilegeView>> = {
  CATALOG: { view: 'catalog_privileges', parts: ['catalog_name'] },
  SCHEMA: { view: 'schema_privileges', parts: ['catalog_name', 'schema_name'] },
  TABLE: { view: 'table_privileges', parts: ['table_catalog', 'table_schema', 'table_name'] },
  VOLUME: { view: 'volume_privileges', parts: ['volume_catalog', 'volume_schema', 'volume_name'] },
  FUNCTION: { view: 'routine_privileges', parts: ['specific_catalog', 'specific_schema', 'specific_name'] },
};

export interface DirectGrantsQuery {
  readonly on: GrantSecurable;
  /** Only these grantees (user emails, group names, service principal application ids); all when absent. */
  readonly grantees?: readonly string[];
  /** Only securables in these catalogs; all when absent. */
  readonly catalogs?: readonly string[];
}

const inList = (column: string, values: readonly string[]): string =>
  values.length === 0 ? 'FALSE' : `${column} IN (${values.map(quoteLiteral).join(', ')})`;

/**
 * `SELECT grantee, name_1[, name_2[, name_3]], privilege_type` of the direct grants on one kind of securable, from
 * `system.information_schema`: name columns are aliased `name_1…` (outermost first) so every kind parses alike.
 */
export function directGrantsSql(q: DirectGrantsQuery): string {
  const { view, parts } = PRIVILEGE_VIEWS[q.on];
  const names = parts.map((p, i) => `${p} AS name_${i + 1}`).join(', ');
  const where = [
    DIRECT_GRANT_PREDICATE,
    ...(q.grantees === undefined ? [] : [inList('grantee', q.grantees)]),
    ...(q.catalogs === undefined ? [] : [inList(parts[0]!, q.catalogs)]),
  ];
  return `SELECT grantee, ${names}, privilege_type FROM system.information_schema.${view} WHERE ${where.join(' AND ')}`;
}

/** The SQL keyword for a securable in GRANT / SHOW GRANTS. */
const KEYWORD: Readonly<Record<GrantSecurable, string>> = { CATALOG: 'CATALOG', SCHEMA: 'SCHEMA', TABLE: 'TABLE', VOLUME: 'VOLUME', FUNCTION: 'FUNCTION' };

/** `SHOW GRANTS `principal` ON <TYPE> `a`.`b``; every grant on it when `principal` is null. */
export function showGrantsSql(principal: string | null, on: GrantSecurable, name: readonly string[]): string {
  const who = principal === null ? '' : ` ${quoteIdent(principal)}`;
  return `SHOW GRANTS${who} ON ${KEYWORD[on]} ${quoteName(...name)}`;
}

/**
 * Privilege names as Databricks spells them in different places: information_schema uses underscores
 * (`USE_CATALOG`), SHOW GRANTS and SQL use spaces (`USE CATALOG`). One spelling (SQL's) everywhere in the app.
 */
export const normalizePrivilege = (p: string): string => p.trim().toUpperCase().replaceAll('_', ' ').replace(/\s+/g, ' ');
