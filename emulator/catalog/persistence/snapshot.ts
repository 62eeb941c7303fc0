import type { AbacPolicy } from '../abac/abac-model';
import type { AbacStore } from '../abac/abac-store';
import type { AclStore } from '../acl-store';
import type { EntityStore } from '../entity-store';
import type { MetastoreSettings, MetastoreSettingsState } from '../metastore-settings';
import type { CatalogEntity, ColumnDef, FunctionEntity, SchemaEntity, TableEntity, VolumeEntity } from '../model';

/**
 * The model as JSON for `--data-dir`. Tables refer to their column list by index, so a metastore of 100,000
 * tables stores each distinct column list once. Table rows live in the DuckDB file next to it.
 */
export interface CatalogSnapshot {
  readonly version: 1;
  readonly settings: MetastoreSettingsState;
  readonly columnSets: readonly (readonly ColumnDef[])[];
  readonly catalogs: readonly CatalogEntity[];
  readonly schemas: readonly SchemaEntity[];
  readonly tables: readonly (Omit<TableEntity, 'columns'> & { readonly columns: number })[];
  readonly volumes: readonly VolumeEntity[];
  readonly functions: readonly FunctionEntity[];
  /** [securableKey, [[principal, [[privilege, grantor]]]]] */
  readonly grants: readonly (readonly [string, readonly (readonly [string, readonly (readonly [string, string])[]])[]])[];
  /** [targetKey, [[tag, value]]] */
  readonly tags: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  /** ABAC policies (absent in snapshots written before the sandbox had them). */
  readonly abacPolicies?: readonly AbacPolicy[];
}

export function takeSnapshot(store: EntityStore, acl: AclStore, settings: MetastoreSettings, abac?: AbacStore): CatalogSnapshot {
  const sets = new Map<readonly ColumnDef[], number>();
  const columnSets: (readonly ColumnDef[])[] = [];
  const setIndex = (cols: readonly ColumnDef[]) => {
    let i = sets.get(cols);
    if (i === undefined) {
      i = columnSets.push(cols) - 1;
      sets.set(cols, i);
    }
    return i;
  };
  return {
    version: 1,
    settings: settings.snapshot(),
    tables: [...store.tables.byId.values()].map((t) => ({ ...t, columns: setIndex(t.columns) })),
    columnSets,
    catalogs: [...store.catalogs.byId.values()],
    schemas: [...store.schemas.byId.values()],
    volumes: [...store.volumes.byId.values()],
    functions: [...store.functions.byId.values()],
    grants: [...acl.allGrants()].map(([key, entries]) => [key, [...entries.values()].map((g) => [g.principal, [...g.privileges]] as const)] as const),
    tags: [...acl.allTags()].map(([key, entries]) => [key, [...entries]] as const),
    ...(abac ? { abacPolicies: abac.all() } : {}),
  };
}

/** Loads a snapshot into empty stores, without change events (the mirror is rebuilt afterwards). */
export function restoreSnapshot(snapshot: CatalogSnapshot, store: EntityStore, acl: AclStore, settings: MetastoreSettings, abac?: AbacStore): void {
  if (snapshot.version !== 1) throw new Error(`Unsupported catalog snapshot version ${String(snapshot.version)}.`);
  store.bus.withoutEvents(() => {
    settings.restore(snapshot.settings);
    for (const c of snapshot.catalogs) store.putCatalog(c);
    for (const s of snapshot.schemas) store.putSchema(s);
    for (const t of snapshot.tables) store.putTable({ ...t, columns: snapshot.columnSets[t.columns] ?? [] });
    for (const v of snapshot.volumes) store.putVolume(v);
    for (const f of snapshot.functions) store.putFunction(f);
    for (const [key, entries] of snapshot.grants) for (const [principal, privileges] of entries) acl.setPrivileges(key, principal, new Map(privileges));
    for (const [key, entries] of snapshot.tags) for (const [k, v] of entries) acl.setTag(key, k, v);
    for (const p of snapshot.abacPolicies ?? []) abac?.put(p);
  });
}
