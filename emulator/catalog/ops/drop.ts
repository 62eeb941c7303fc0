import { ucErrors } from '../errors';
import type { TableEntity } from '../model';
import type { OpContext } from './context';

/**
 * Dropping securables: the owner, an owner of a parent, a MANAGE holder or a metastore admin may drop (R12/R13).
 * RESTRICT is the default for catalogs and schemas; CASCADE drops the contents (reference §1.14). Each returns the
 * tables removed, whose stored rows the caller then drops; `undefined` when IF EXISTS found nothing.
 */

/** The auto-created schemas do not make a catalog non-empty while `default` holds nothing. */
function catalogIsEmpty(ctx: OpContext, catalogId: string): boolean {
  const store = ctx.uc.store;
  return store.schemas.childrenOf(catalogId).every((s) => {
    if (s.name === 'information_schema') return true;
    return s.name === 'default' && schemaIsEmpty(ctx, s.id);
  });
}

function schemaIsEmpty(ctx: OpContext, schemaId: string): boolean {
  const s = ctx.uc.store;
  return s.tables.countOf(schemaId) + s.volumes.countOf(schemaId) + s.functions.countOf(schemaId) === 0;
}

export function dropCatalog(ctx: OpContext, name: string, opts: { ifExists?: boolean; cascade?: boolean }): readonly TableEntity[] | undefined {
  if (opts.ifExists && !ctx.uc.store.catalogNamed(name.toLowerCase())) return undefined;
  const ref = ctx.uc.resolve.catalog(name);
  if (ref.catalog.catalogType === 'SYSTEM_CATALOG') throw ucErrors.insufficientPermissions(`Cannot drop the system catalog '${ref.catalog.name}'.`);
  ctx.uc.authz.requireManage(ctx.subject, ref);
  if (!opts.cascade && !catalogIsEmpty(ctx, ref.catalog.id)) throw ucErrors.notEmpty('catalog', [ref.catalog.name]);
  return ctx.uc.store.deleteCatalog(ref.catalog.id);
}

export function dropSchema(
  ctx: OpContext,
  catalog: string,
  schema: string,
  opts: { ifExists?: boolean; cascade?: boolean },
): readonly TableEntity[] | undefined {
  const c = ctx.uc.store.catalogNamed(catalog.toLowerCase());
  if (opts.ifExists && (!c || !ctx.uc.store.schemas.named(c.id, schema.toLowerCase()))) return undefined;
  const ref = ctx.uc.resolve.schema(catalog, schema);
  ctx.uc.authz.requireManage(ctx.subject, ref);
  if (!opts.cascade && !schemaIsEmpty(ctx, ref.schema.id)) throw ucErrors.notEmpty('schema', [ref.catalog.name, ref.schema.name]);
  return ctx.uc.store.deleteSchema(ref.schema.id);
}

export function dropTable(
  ctx: OpContext,
  parts: readonly [string, string, string],
  opts: { ifExists?: boolean; view?: boolean },
): readonly TableEntity[] | undefined {
  const found = ctx.uc.resolve.findTable(...parts);
  if (!found) {
    if (opts.ifExists) return undefined;
    throw ucErrors.tableNotFound(parts);
  }
  if (opts.view !== undefined && opts.view !== (found.table.tableType === 'VIEW')) {
    throw ucErrors.invalidParameter(
      opts.view
        ? `${parts.join('.')} is a table. Use DROP TABLE instead.`
        : `${parts.join('.')} is a view. Use DROP VIEW instead.`,
    );
  }
  if (found.catalog.catalogType === 'SYSTEM_CATALOG') throw ucErrors.insufficientPermissions('System tables cannot be dropped.');
  ctx.uc.authz.requireManage(ctx.subject, found);
  ctx.uc.store.deleteTable(found.table.id);
  return [found.table];
}

export function dropVolume(ctx: OpContext, parts: readonly [string, string, string], opts: { ifExists?: boolean }): boolean {
  const c = ctx.uc.store.catalogNamed(parts[0].toLowerCase());
  const s = c && ctx.uc.store.schemas.named(c.id, parts[1].toLowerCase());
  if (opts.ifExists && !(s && ctx.uc.store.volumes.named(s.id, parts[2].toLowerCase()))) return false;
  const ref = ctx.uc.resolve.volume(...parts);
  ctx.uc.authz.requireManage(ctx.subject, ref);
  ctx.uc.store.deleteVolume(ref.volume.id);
  return true;
}

export function dropFunction(ctx: OpContext, parts: readonly [string, string, string], opts: { ifExists?: boolean }): boolean {
  const found = ctx.uc.resolve.findFunction(...parts);
  if (!found) {
    if (opts.ifExists) return false;
    throw ucErrors.routineNotFound(parts);
  }
  ctx.uc.authz.requireManage(ctx.subject, found);
  ctx.uc.store.deleteFunction(found.fn.id);
  return true;
}
