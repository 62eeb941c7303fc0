import { DIRECT_GRANT_PREDICATE as DIRECT } from '../../../../shared/sql/privilege-reads';
import { quoteLiteral } from '../../../../shared/sql/quote';
import { INTEGRATION_TAG, AUDIT_SCHEMAS, SYSTEM_CATALOG } from '../../../../shared/integration/integration-objects';

/**
 * One statement that reads everything the planner needs from `system.information_schema` (reference §2): the
 * catalogs of interest with their owner, ucbridge's marker tag, the integration catalog's schemas, tables and
 * volumes, the governed catalogs' schemas, the audit system schemas and tables, and the privileges granted directly
 * to the service principal (shared/sql/privilege-reads.ts: `inherited_from` is 'NONE' on a direct grant) on the
 * catalogs, schemas, tables and volumes the plan grants on. UNION ALL into one five-column shape keeps it to one
 * round trip. The privilege rows are complete only where the reader owns the catalog or is a metastore admin;
 * elsewhere observe-workspace.ts reads them with SHOW GRANTS instead.
 */

export interface ObserveScope {
  /** Catalogs whose existence, owner and direct grants matter (integration, governed, `system`). */
  readonly catalogs: readonly string[];
  /** Governed catalogs whose schemas' direct grants to the service principal are read (with MANAGE per schema; else none). */
  readonly governedCatalogs: readonly string[];
  /** The integration catalog, on the main workspace only: its contents and tag are read too. */
  readonly integrationCatalog: string | null;
  /** Whether the audit system schemas and tables are read (grants on them too). */
  readonly audit: boolean;
  readonly principal: string;
}

const list = (values: readonly string[]): string => values.map(quoteLiteral).join(', ');
const text = 'CAST(NULL AS STRING)';

export function observeStatement(scope: ObserveScope): string {
  const sp = quoteLiteral(scope.principal);
  const parts = [
    `SELECT 'catalog' AS kind, catalog_name AS a, catalog_owner AS b, ${text} AS c, ${text} AS d FROM system.information_schema.catalogs WHERE catalog_name IN (${list(scope.catalogs)})`,
    `SELECT 'catalog_privilege', catalog_name, ${text}, ${text}, privilege_type FROM system.information_schema.catalog_privileges WHERE grantee = ${sp} AND ${DIRECT} AND catalog_name IN (${list(scope.catalogs)})`,
  ];
  if (scope.governedCatalogs.length > 0) {
    parts.push(
      `SELECT 'schema_privilege', catalog_name, schema_name, ${text}, privilege_type FROM system.information_schema.schema_privileges WHERE grantee = ${sp} AND ${DIRECT} AND catalog_name IN (${list(scope.governedCatalogs)})`,
      `SELECT 'governed_schema', catalog_name, schema_name, ${text}, ${text} FROM system.information_schema.schemata WHERE catalog_name IN (${list(scope.governedCatalogs)}) AND schema_name <> 'information_schema'`,
    );
  }
  if (scope.integrationCatalog !== null) {
    const c = quoteLiteral(scope.integrationCatalog);
    parts.push(
      `SELECT 'tag', catalog_name, tag_value, ${text}, ${text} FROM system.information_schema.catalog_tags WHERE catalog_name = ${c} AND tag_name = ${quoteLiteral(INTEGRATION_TAG)}`,
      `SELECT 'volume', volume_catalog, volume_schema, volume_name, ${text} FROM system.information_schema.volumes WHERE volume_catalog = ${c}`,
      `SELECT 'volume_privilege', volume_catalog, volume_schema, volume_name, privilege_type FROM system.information_schema.volume_privileges WHERE grantee = ${sp} AND ${DIRECT} AND volume_catalog = ${c}`,
    );
  }
  // Schemas and tables of the integration catalog, and only the audit schemas of `system` (a real metastore has
  // many more there: billing, compute, …).
  const inScope = (cat: string, schema: string): string => {
    const any = [
      ...(scope.integrationCatalog === null ? [] : [`${cat} = ${quoteLiteral(scope.integrationCatalog)}`]),
      ...(scope.audit ? [`(${cat} = ${quoteLiteral(SYSTEM_CATALOG)} AND ${schema} IN (${list(AUDIT_SCHEMAS)}))`] : []),
    ];
    return `(${any.join(' OR ')})`;
  };
  if (scope.integrationCatalog !== null || scope.audit) {
    parts.push(
      `SELECT 'schema', catalog_name, schema_name, ${text}, ${text} FROM system.information_schema.schemata WHERE ${inScope('catalog_name', 'schema_name')}`,
      `SELECT 'table', table_catalog, table_schema, table_name, ${text} FROM system.information_schema.tables WHERE ${inScope('table_catalog', 'table_schema')}`,
      `SELECT 'schema_privilege', catalog_name, schema_name, ${text}, privilege_type FROM system.information_schema.schema_privileges WHERE grantee = ${sp} AND ${DIRECT} AND ${inScope('catalog_name', 'schema_name')}`,
      `SELECT 'table_privilege', table_catalog, table_schema, table_name, privilege_type FROM system.information_schema.table_privileges WHERE grantee = ${sp} AND ${DIRECT} AND ${inScope('table_catalog', 'table_schema')}`,
    );
  }
  return parts.join('\nUNION ALL ');
}
