import { randomUUID } from 'node:crypto';
import { ucErrors } from '../errors';
import type { CatalogEntity, ColumnDef, FunctionEntity, SchemaEntity, TableEntity, TableType, VolumeEntity } from '../model';
import type { TableRef } from '../resolve';
import { securableName, stampNow, type OpContext } from './context';

/**
 * Creating securables, with Unity Catalog's privilege rules (R12): CREATE CATALOG on the metastore; USE CATALOG +
 * CREATE SCHEMA on the catalog; USE CATALOG + USE SCHEMA + CREATE TABLE / CREATE VOLUME / CREATE FUNCTION on the
 * schema. The creator becomes the owner (R13). Each returns undefined when IF NOT EXISTS found the object.
 */

export interface CreateCatalog {
  readonly name: string;
  /** `MANAGED LOCATION` (SQL) or `storage_root` (REST). */
  readonly managedLocation?: string | null;
  readonly comment?: string | null;
  readonly properties?: Readonly<Record<string, string>>;
  readonly ifNotExists?: boolean;
}

export function createCatalog(ctx: OpContext, spec: CreateCatalog): CatalogEntity | undefined {
  const name = securableName(spec.name);
  ctx.uc.authz.require(ctx.subject, { kind: 'METASTORE' }, 'CREATE_CATALOG');
  if (ctx.uc.store.catalogNamed(name)) {
    if (spec.ifNotExists) return undefined;
    throw ucErrors.catalogExists(name);
  }
  // A metastore without root storage has nowhere to put a catalog's managed tables: the catalog needs its own
  // location (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage). The wording
  // is Databricks' answer as users report it (databricks/cli#5695, 400 INVALID_STATE; dbdemos#139 from SQL).
  if (ctx.uc.metastoreStorageRoot === undefined && !spec.managedLocation) throw ucErrors.noMetastoreStorageRoot();
  const stamp = stampNow(ctx);
  const catalog: CatalogEntity = {
    ...stamp, id: randomUUID(), name, owner: ctx.subject.principal.name, comment: spec.comment ?? null,
    properties: spec.properties ?? {}, catalogType: 'MANAGED_CATALOG', isolationMode: 'OPEN', bindings: [],
    ...(spec.managedLocation ? { managedLocation: spec.managedLocation } : {}),
  };
  ctx.uc.store.putCatalog(catalog);
  // Every new catalog gets `default` and `information_schema` schemas.
  for (const schema of ['default', 'information_schema']) {
    const comment = schema === 'default' ? 'Default schema (auto-created)' : 'Information schema (auto-created)';
    const owner = schema === 'default' ? catalog.owner : 'System user';
    ctx.uc.store.putSchema({ ...stamp, id: randomUUID(), catalogId: catalog.id, name: schema, owner, comment, properties: {} });
  }
  return catalog;
}

export interface CreateSchema {
  readonly catalog: string;
  readonly name: string;
  readonly comment?: string | null;
  readonly properties?: Readonly<Record<string, string>>;
  readonly ifNotExists?: boolean;
}

export function createSchema(ctx: OpContext, spec: CreateSchema): SchemaEntity | undefined {
  const ref = ctx.uc.resolve.catalog(spec.catalog);
  const name = securableName(spec.name);
  ctx.uc.authz.requireUsage(ctx.subject, ref);
  ctx.uc.authz.require(ctx.subject, ref, 'CREATE_SCHEMA');
  if (ctx.uc.store.schemas.named(ref.catalog.id, name)) {
    if (spec.ifNotExists) return undefined;
    throw ucErrors.schemaExists([ref.catalog.name, name]);
  }
  const schema: SchemaEntity = {
    ...stampNow(ctx), id: randomUUID(), catalogId: ref.catalog.id, name, owner: ctx.subject.principal.name,
    comment: spec.comment ?? null, properties: spec.properties ?? {},
  };
  ctx.uc.store.putSchema(schema);
  return schema;
}

export interface CreateTable {
  readonly catalog: string;
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly tableType: TableType;
  readonly comment?: string | null;
  readonly properties?: Readonly<Record<string, string>>;
  readonly viewText?: string | null;
  readonly location?: string;
  readonly ifNotExists?: boolean;
  /** CREATE OR REPLACE: an existing table is replaced in place, keeping its grants, row filter and masks (R6). */
  readonly orReplace?: boolean;
}

export interface CreatedTable {
  readonly table: TableEntity;
  /** The table this one replaced (its storage must be dropped). */
  readonly replaced: TableEntity | undefined;
}

export function createTable(ctx: OpContext, spec: CreateTable): CreatedTable | undefined {
  const ref = ctx.uc.resolve.schema(spec.catalog, spec.schema);
  const name = securableName(spec.name);
  ctx.uc.authz.requireUsage(ctx.subject, ref);
  // Views need CREATE TABLE too (R12).
  ctx.uc.authz.require(ctx.subject, ref, 'CREATE_TABLE');
  const existing = ctx.uc.store.tables.named(ref.schema.id, name);
  if (existing && !spec.orReplace) {
    if (spec.ifNotExists) return undefined;
    throw ucErrors.tableExists([ref.catalog.name, ref.schema.name, name]);
  }
  if (existing) ctx.uc.authz.requireManage(ctx.subject, { ...ref, kind: 'TABLE', table: existing } as TableRef);
  const seen = new Set<string>();
  for (const c of spec.columns) {
    const key = c.name.toLowerCase();
    if (seen.has(key)) throw ucErrors.invalidParameter(`Found duplicate column(s) in the table definition: \`${c.name}\`.`);
    seen.add(key);
  }
  const table: TableEntity = {
    ...stampNow(ctx), id: existing?.id ?? randomUUID(), schemaId: ref.schema.id, name, tableType: spec.tableType, columns: spec.columns,
    owner: existing?.owner ?? ctx.subject.principal.name, comment: spec.comment ?? null, properties: spec.properties ?? {},
    viewText: spec.viewText ?? null,
    ...(spec.location === undefined ? {} : { location: spec.location }),
    rowFilter: existing?.rowFilter ?? null,
    masks: existing ? existing.masks.filter((m) => seen.has(m.column.toLowerCase())) : [],
    storage: null,
  };
  ctx.uc.store.putTable(table);
  return { table: ctx.uc.store.tables.byId.get(table.id)!, replaced: existing };
}

export interface CreateVolume {
  readonly catalog: string;
  readonly schema: string;
  readonly name: string;
  readonly volumeType: 'MANAGED' | 'EXTERNAL';
  readonly storageLocation?: string | null;
  readonly comment?: string | null;
  readonly ifNotExists?: boolean;
}

export function createVolume(ctx: OpContext, spec: CreateVolume): VolumeEntity | undefined {
  const ref = ctx.uc.resolve.schema(spec.catalog, spec.schema);
  const name = securableName(spec.name);
  ctx.uc.authz.requireUsage(ctx.subject, ref);
  ctx.uc.authz.require(ctx.subject, ref, 'CREATE_VOLUME');
  if (ctx.uc.store.volumes.named(ref.schema.id, name)) {
    if (spec.ifNotExists) return undefined;
    throw ucErrors.volumeExists([ref.catalog.name, ref.schema.name, name]);
  }
  if (spec.volumeType === 'EXTERNAL' && !spec.storageLocation) {
    throw ucErrors.invalidParameter('An EXTERNAL volume needs a LOCATION.');
  }
  const id = randomUUID();
  const volume: VolumeEntity = {
    ...stampNow(ctx), id, schemaId: ref.schema.id, name, volumeType: spec.volumeType, owner: ctx.subject.principal.name,
    comment: spec.comment ?? null, storageLocation: spec.storageLocation ?? `${ctx.uc.storageRoot}/volumes/${id}`,
  };
  ctx.uc.store.putVolume(volume);
  return volume;
}

export type CreateFunction = Omit<FunctionEntity, 'id' | 'schemaId' | 'owner' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> & {
  readonly catalog: string;
  readonly schema: string;
  readonly ifNotExists?: boolean;
  readonly orReplace?: boolean;
};

export function createFunction(ctx: OpContext, spec: CreateFunction): FunctionEntity | undefined {
  const ref = ctx.uc.resolve.schema(spec.catalog, spec.schema);
  const name = securableName(spec.name);
  ctx.uc.authz.requireUsage(ctx.subject, ref);
  ctx.uc.authz.require(ctx.subject, ref, 'CREATE_FUNCTION');
  const existing = ctx.uc.store.functions.named(ref.schema.id, name);
  if (existing && !spec.orReplace) {
    if (spec.ifNotExists) return undefined;
    throw ucErrors.routineExists([ref.catalog.name, ref.schema.name, name]);
  }
  const { catalog: _c, schema: _s, ifNotExists: _i, orReplace: _o, ...rest } = spec;
  const fn: FunctionEntity = {
    ...rest, ...stampNow(ctx), id: existing?.id ?? randomUUID(), schemaId: ref.schema.id, name,
    owner: existing?.owner ?? ctx.subject.principal.name,
  };
  ctx.uc.store.putFunction(fn);
  return fn;
}
