import { dataTypeName, parseTypeText, typeAttributes } from '../../sql/types';
import type { AclStore } from '../acl-store';
import type { EntityStore } from '../entity-store';
import type { CatalogEntity, ColumnDef, FunctionEntity, PolicyArg, SchemaEntity, Stamp, TableEntity, VolumeEntity } from '../model';

export type Cell = string | number | boolean | null;
export type Row = readonly Cell[];

const stamp = (e: Stamp): Cell[] => [e.createdAt, e.createdBy, e.updatedAt, e.updatedBy];

/** Catalogs are visible in a workspace when OPEN, or ISOLATED and bound to it (reference §4.8, R45). */
export const catalogRow = (c: CatalogEntity, workspaceId: string): Row => [
  c.id, c.name, c.owner, c.comment, ...stamp(c), c.catalogType,
  c.isolationMode === 'OPEN' || c.bindings.some((b) => b.workspaceId === workspaceId),
];

export const schemaRow = (s: SchemaEntity): Row => [s.id, s.catalogId, s.name, s.owner, s.comment, ...stamp(s)];

export const tableRow = (t: TableEntity, columnSet: number, storageRoot: string): Row => [
  t.id, t.schemaId, t.name, t.tableType, t.owner, t.comment, ...stamp(t), columnSet,
  t.tableType === 'VIEW' ? null : 'DELTA', t.tableType === 'VIEW' ? null : (t.location ?? `${storageRoot}/tables/${t.id}`), t.viewText,
];

export function columnSetRows(setId: number, columns: readonly ColumnDef[]): Row[] {
  return columns.map((c, i) => {
    const type = parseTypeText(c.typeText);
    const a = typeAttributes(type);
    return [
      setId, i + 1, c.name, c.typeText, dataTypeName(type), c.nullable ? 'YES' : 'NO', c.comment, a.numericPrecision,
      a.numericRadix, a.numericScale, a.datetimePrecision, a.charMaxLength,
    ];
  });
}

export const volumeRow = (v: VolumeEntity): Row => [v.id, v.schemaId, v.name, v.volumeType, v.owner, v.comment, v.storageLocation, ...stamp(v)];

export const functionRow = (f: FunctionEntity): Row => {
  const returns = f.returnType ?? 'table';
  return [
    f.id, f.schemaId, f.name, f.owner, f.comment, dataTypeName(parseTypeText(f.returnType ?? 'string')), returns, f.body,
    f.deterministic ? 'YES' : 'NO', f.sqlDataAccess, f.params.map((p) => `${p.name} ${p.typeText}`).join(', '), ...stamp(f),
  ];
};

/** `KIND:id` → rows of uc.grants. */
export function grantRows(acl: AclStore, securableKey: string): Row[] {
  const [kind, id] = splitKey(securableKey);
  return acl
    .grantsOn(securableKey)
    .flatMap((g) => [...g.privileges].map(([p, grantor]) => [securableKey, kind, id, g.principal, g.principal.toLowerCase(), p, grantor] as Row));
}

export function tagRows(acl: AclStore, targetKey: string): Row[] {
  const parts = targetKey.split(':');
  const kind = parts[0]!;
  const id = parts[1]!;
  const column = kind === 'COLUMN' ? parts.slice(2).join(':') : null;
  return [...acl.tagsOf(targetKey)].map(([k, v]) => [targetKey, kind, id, column, k, v]);
}

const usage = (args: readonly PolicyArg[]): string =>
  args.flatMap((a) => (a.kind === 'column' ? [a.name] : [])).join(',');

export function rowFilterRows(t: TableEntity): Row[] {
  if (!t.rowFilter) return [];
  const [c, s, n] = t.rowFilter.functionName;
  return [[t.id, c, s, n, usage(t.rowFilter.args)]];
}

/** MASK_COL_USAGE is NULL when there are no extra columns (R26), unlike FILTER_COL_USAGE's empty string (R25). */
export const columnMaskRows = (t: TableEntity): Row[] =>
  t.masks.map((m) => [t.id, m.column, m.functionName[0], m.functionName[1], m.functionName[2], usage(m.using) || null]);

export function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Every row of every mirror table, for a full rebuild. */
export function* allRows(store: EntityStore, acl: AclStore, workspaceId: string, storageRoot: string) {
  for (const c of store.catalogs.byId.values()) yield ['catalogs', catalogRow(c, workspaceId)] as const;
  for (const s of store.schemas.byId.values()) yield ['schemas', schemaRow(s)] as const;
  for (const t of store.tables.byId.values()) {
    yield ['tables', tableRow(t, store.columnSets.idOf(t.columns), storageRoot)] as const;
    for (const r of rowFilterRows(t)) yield ['row_filters', r] as const;
    for (const r of columnMaskRows(t)) yield ['column_masks', r] as const;
  }
  for (const set of store.columnSets.all()) {
    for (const r of columnSetRows(store.columnSets.idOf(set), set)) yield ['column_sets', r] as const;
  }
  for (const v of store.volumes.byId.values()) yield ['volumes', volumeRow(v)] as const;
  for (const f of store.functions.byId.values()) yield ['functions', functionRow(f)] as const;
  for (const [key] of acl.allGrants()) for (const r of grantRows(acl, key)) yield ['grants', r] as const;
  for (const [key] of acl.allTags()) for (const r of tagRows(acl, key)) yield ['tags', r] as const;
}
