import { catalogPrivileges, catalogTags, columnTags, routinePrivileges, schemaPrivileges, schemaTags, tablePrivileges, tableTags, volumePrivileges, volumeTags } from './acl-views';
import { catalogs, columnMasks, columns, routines, rowFilters, schemata, tables, views, volumes } from './object-views';
import { abacPolicyDefinitions } from './abac-view';
import { Visibility, type InfoScope } from './scope';

export type { InfoScope } from './scope';

const VIEWS: Readonly<Record<string, (v: Visibility) => string>> = {
  catalogs, schemata, tables, columns, views, volumes, routines,
  row_filters: rowFilters, column_masks: columnMasks,
  catalog_privileges: catalogPrivileges, schema_privileges: schemaPrivileges, table_privileges: tablePrivileges,
  volume_privileges: volumePrivileges, routine_privileges: routinePrivileges,
  abac_policy_definitions: abacPolicyDefinitions,
  catalog_tags: catalogTags, schema_tags: schemaTags, table_tags: tableTags, column_tags: columnTags, volume_tags: volumeTags,
};

export const INFORMATION_SCHEMA_VIEWS: readonly string[] = Object.keys(VIEWS);

/** The DuckDB query behind `<catalog>.information_schema.<view>` for this caller, or undefined if no such view. */
export function informationSchemaSql(view: string, scope: InfoScope): string | undefined {
  const build = VIEWS[view.toLowerCase()];
  return build?.(new Visibility(scope));
}
