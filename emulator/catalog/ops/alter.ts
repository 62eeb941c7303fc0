import { ucErrors } from '../errors';
import type { BindingType, IsolationMode, SecurableRef, WorkspaceBinding } from '../model';
import { principalNamed, securableName, touched, type OpContext } from './context';

export interface SecurablePatch {
  readonly owner?: string;
  readonly comment?: string | null;
  readonly newName?: string;
  readonly properties?: Readonly<Record<string, string>>;
  readonly isolationMode?: IsolationMode;
}

/**
 * ALTER … OWNER TO, COMMENT, rename, and the REST PATCH endpoints (reference §1.10, §4.2–§4.6): owners of the object
 * or a parent, MANAGE holders and metastore admins may change a securable.
 */
export function updateSecurable(ctx: OpContext, ref: SecurableRef, patch: SecurablePatch): SecurableRef {
  if (ref.kind === 'METASTORE') {
    if (!ctx.subject.metastoreAdmin) throw ucErrors.insufficientPermissions('Only a metastore admin can change the metastore.');
    if (patch.owner !== undefined) ctx.uc.settings.setOwner(principalNamed(ctx, patch.owner));
    return ref;
  }
  ctx.uc.authz.requireManage(ctx.subject, ref);
  const owner = patch.owner === undefined ? undefined : principalNamed(ctx, patch.owner);
  const base = {
    ...(owner === undefined ? {} : { owner }),
    ...(patch.comment === undefined ? {} : { comment: patch.comment }),
    ...(patch.properties === undefined ? {} : { properties: patch.properties }),
  };
  const store = ctx.uc.store;
  const rename = patch.newName === undefined ? undefined : securableName(patch.newName);
  switch (ref.kind) {
    case 'CATALOG': {
      if (rename !== undefined && rename !== ref.catalog.name && store.catalogNamed(rename)) throw ucErrors.catalogExists(rename);
      const isolation = patch.isolationMode === undefined ? {} : { isolationMode: patch.isolationMode };
      const catalog = touched(ctx, ref.catalog, { ...base, ...isolation, ...(rename ? { name: rename } : {}) });
      store.putCatalog(catalog);
      return { ...ref, catalog };
    }
    case 'SCHEMA': {
      if (rename !== undefined && rename !== ref.schema.name && store.schemas.named(ref.catalog.id, rename)) {
        throw ucErrors.schemaExists([ref.catalog.name, rename]);
      }
      const schema = touched(ctx, ref.schema, { ...base, ...(rename ? { name: rename } : {}) });
      store.putSchema(schema);
      return { ...ref, schema };
    }
    case 'TABLE': {
      if (rename !== undefined && rename !== ref.table.name && store.tables.named(ref.schema.id, rename)) {
        throw ucErrors.tableExists([ref.catalog.name, ref.schema.name, rename]);
      }
      store.putTable(touched(ctx, ref.table, { ...base, ...(rename ? { name: rename } : {}) }));
      return { ...ref, table: store.tables.byId.get(ref.table.id)! };
    }
    case 'VOLUME': {
      const volume = touched(ctx, ref.volume, { ...base, ...(rename ? { name: rename } : {}) });
      store.putVolume(volume);
      return { ...ref, volume };
    }
    case 'FUNCTION': {
      const fn = touched(ctx, ref.fn, base);
      store.putFunction(fn);
      return { ...ref, fn };
    }
  }
}

/** Workspace bindings of an ISOLATED catalog (reference §4.8); read-only bindings are catalog-only. */
export function updateBindings(
  ctx: OpContext,
  catalogName: string,
  add: readonly { workspaceId: string; bindingType: BindingType }[],
  remove: readonly string[],
): readonly WorkspaceBinding[] {
  const ref = ctx.uc.resolve.catalog(catalogName);
  ctx.uc.authz.requireManage(ctx.subject, ref);
  const next = new Map(ref.catalog.bindings.map((b) => [b.workspaceId, b]));
  for (const id of remove) next.delete(id);
  for (const b of add) next.set(b.workspaceId, b);
  const catalog = touched(ctx, ref.catalog, { bindings: [...next.values()] });
  ctx.uc.store.putCatalog(catalog);
  return catalog.bindings;
}
