import type { CatalogEntity, ColumnDef, FunctionEntity, SchemaEntity, TableEntity, VolumeEntity } from '../catalog/model';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { dataTypeName, parseTypeText, restTypeName, typeAttributes } from '../sql/types';

/** Unity Catalog REST objects with the field names on the wire (reference §4.2–§4.6, S-PY). Times are epoch ms. */

const stamps = (e: { createdAt: number; createdBy: string; updatedAt: number; updatedBy: string }) => ({
  created_at: e.createdAt,
  created_by: e.createdBy,
  updated_at: e.updatedAt,
  updated_by: e.updatedBy,
});

const optional = <T>(key: string, value: T | null | undefined) => (value === null || value === undefined ? {} : { [key]: value });

export function catalogInfo(uc: UnityCatalog, c: CatalogEntity, browseOnly = false) {
  return {
    name: c.name,
    full_name: c.name,
    owner: c.owner,
    ...optional('comment', c.comment),
    properties: c.properties,
    options: {},
    ...(c.catalogType === 'MANAGED_CATALOG'
      ? { storage_root: c.managedLocation ?? `${uc.storageRoot}/catalogs/${c.id}`, storage_location: `${c.managedLocation ?? uc.storageRoot}/catalogs/${c.id}` }
      : {}),
    catalog_type: c.catalogType,
    isolation_mode: c.isolationMode,
    securable_type: 'CATALOG',
    securable_kind: c.catalogType === 'SYSTEM_CATALOG' ? 'CATALOG_SYSTEM' : 'CATALOG_STANDARD',
    metastore_id: uc.sandbox.metastoreId,
    enable_predictive_optimization: 'INHERIT',
    browse_only: browseOnly,
    id: c.id,
    ...stamps(c),
  };
}

export function schemaInfo(uc: UnityCatalog, c: CatalogEntity, s: SchemaEntity, browseOnly = false) {
  return {
    name: s.name,
    catalog_name: c.name,
    full_name: `${c.name}.${s.name}`,
    owner: s.owner,
    ...optional('comment', s.comment),
    properties: s.properties,
    catalog_type: c.catalogType,
    schema_id: s.id,
    metastore_id: uc.sandbox.metastoreId,
    securable_type: 'SCHEMA',
    browse_only: browseOnly,
    ...stamps(s),
  };
}

export function columnInfo(t: TableEntity, c: ColumnDef, position: number) {
  const type = parseTypeText(c.typeText);
  const a = typeAttributes(type);
  const mask = t.masks.find((m) => m.column.toLowerCase() === c.name.toLowerCase());
  return {
    name: c.name,
    type_text: c.typeText,
    type_name: restTypeName(type),
    type_json: JSON.stringify({ name: c.name, type: c.typeText, nullable: c.nullable, metadata: c.comment ? { comment: c.comment } : {} }),
    ...(a.numericPrecision !== null && dataTypeName(type) === 'DECIMAL' ? { type_precision: a.numericPrecision, type_scale: a.numericScale ?? 0 } : { type_precision: 0, type_scale: 0 }),
    position,
    ...optional('comment', c.comment),
    nullable: c.nullable,
    ...(mask
      ? { mask: { function_name: mask.functionName.join('.'), using_column_names: mask.using.flatMap((u) => (u.kind === 'column' ? [u.name] : [])) } }
      : {}),
  };
}

export function tableInfo(uc: UnityCatalog, c: CatalogEntity, s: SchemaEntity, t: TableEntity, opts: { omitColumns?: boolean; omitProperties?: boolean; browseOnly?: boolean } = {}) {
  const isView = t.tableType === 'VIEW';
  return {
    name: t.name,
    catalog_name: c.name,
    schema_name: s.name,
    full_name: `${c.name}.${s.name}.${t.name}`,
    table_type: t.tableType,
    ...(isView ? { view_definition: t.viewText } : { data_source_format: 'DELTA', storage_location: t.location ?? `${uc.storageRoot}/tables/${t.id}` }),
    ...(opts.omitColumns ? {} : { columns: t.columns.map((col, i) => columnInfo(t, col, i)) }),
    owner: t.owner,
    ...optional('comment', t.comment),
    ...(opts.omitProperties ? {} : { properties: t.properties }),
    table_id: t.id,
    metastore_id: uc.sandbox.metastoreId,
    ...(t.rowFilter
      ? { row_filter: { function_name: t.rowFilter.functionName.join('.'), input_column_names: t.rowFilter.args.flatMap((a) => (a.kind === 'column' ? [a.name] : [])) } }
      : {}),
    securable_kind_manifest: { securable_kind: isView ? 'TABLE_VIEW' : t.tableType === 'EXTERNAL' ? 'TABLE_EXTERNAL' : 'TABLE_DELTA' },
    browse_only: opts.browseOnly ?? false,
    ...stamps(t),
  };
}

export function volumeInfo(uc: UnityCatalog, c: CatalogEntity, s: SchemaEntity, v: VolumeEntity) {
  return {
    name: v.name,
    catalog_name: c.name,
    schema_name: s.name,
    full_name: `${c.name}.${s.name}.${v.name}`,
    volume_type: v.volumeType,
    volume_id: v.id,
    owner: v.owner,
    ...optional('comment', v.comment),
    storage_location: v.storageLocation,
    metastore_id: uc.sandbox.metastoreId,
    browse_only: false,
    ...stamps(v),
  };
}

export function functionInfo(uc: UnityCatalog, c: CatalogEntity, s: SchemaEntity, f: FunctionEntity) {
  const param = (p: { name: string; typeText: string; comment: string | null }, i: number) => {
    const type = parseTypeText(p.typeText);
    return { name: p.name, type_text: p.typeText, type_name: restTypeName(type), type_json: JSON.stringify({ name: p.name, type: p.typeText }), position: i, parameter_mode: 'IN', parameter_type: 'PARAM', ...optional('comment', p.comment) };
  };
  return {
    name: f.name,
    catalog_name: c.name,
    schema_name: s.name,
    full_name: `${c.name}.${s.name}.${f.name}`,
    function_id: f.id,
    specific_name: f.name,
    data_type: f.returnType === null ? 'TABLE_TYPE' : restTypeName(parseTypeText(f.returnType)),
    full_data_type: f.returnType ?? `table<${(f.returnColumns ?? []).map((r) => `${r.name}:${r.typeText}`).join(',')}>`,
    input_params: { parameters: f.params.map(param) },
    ...(f.returnColumns ? { return_params: { parameters: f.returnColumns.map(param) } } : {}),
    routine_body: 'SQL',
    routine_definition: f.body,
    is_deterministic: f.deterministic,
    is_null_call: false,
    security_type: 'DEFINER',
    sql_data_access: f.sqlDataAccess,
    parameter_style: 'S',
    sql_path: null,
    owner: f.owner,
    ...optional('comment', f.comment),
    properties: '{}',
    metastore_id: uc.sandbox.metastoreId,
    browse_only: false,
    ...stamps(f),
  };
}
