import { ucErrors } from '../errors';
import { tagKeyOf, type SecurableRef, type TagTarget } from '../model';
import type { OpContext } from './context';

/** The tag target for a securable, or for one of a table's columns. */
export function tagTargetOf(ref: SecurableRef, column?: string): TagTarget {
  switch (ref.kind) {
    case 'CATALOG':
      return { kind: 'CATALOG', id: ref.catalog.id };
    case 'SCHEMA':
      return { kind: 'SCHEMA', id: ref.schema.id };
    case 'TABLE': {
      if (column === undefined) return { kind: 'TABLE', id: ref.table.id };
      const found = ref.table.columns.find((c) => c.name.toLowerCase() === column.toLowerCase());
      if (!found) throw ucErrors.unresolvedColumn(column);
      return { kind: 'COLUMN', id: ref.table.id, column: found.name };
    }
    case 'VOLUME':
      return { kind: 'VOLUME', id: ref.volume.id };
    case 'METASTORE':
    case 'FUNCTION':
      throw ucErrors.unsupported(`tags on a ${ref.kind.toLowerCase()}`);
  }
}

/** Owners (of the object or a parent) and APPLY TAG holders with usage on the parents may tag (R17, R12). */
function requireTagging(ctx: OpContext, ref: SecurableRef): void {
  const { authz } = ctx.uc;
  if (authz.canManage(ctx.subject, ref)) return;
  authz.requireUsage(ctx.subject, ref);
  authz.require(ctx.subject, ref, 'APPLY_TAG');
}

/**
 * `SET TAGS ('k' = 'v', …)` overwrites values; `SET TAG ON … k = v` (strict) refuses a key that is already set
 * (reference §1.11, R16/R17). A key-only tag has the empty value.
 */
export function setTags(ctx: OpContext, ref: SecurableRef, column: string | undefined, tags: readonly (readonly [string, string])[], strict = false): void {
  requireTagging(ctx, ref);
  const key = tagKeyOf(tagTargetOf(ref, column));
  const current = ctx.uc.acl.tagsOf(key);
  for (const [k] of tags) if (strict && current.has(k)) throw ucErrors.tagAlreadySet(k);
  for (const [k, v] of tags) ctx.uc.acl.setTag(key, k, v);
}

/** `UNSET TAGS` ignores absent keys; `UNSET TAG ON` (strict) raises for them (R17). */
export function unsetTags(ctx: OpContext, ref: SecurableRef, column: string | undefined, keys: readonly string[], strict = false): void {
  requireTagging(ctx, ref);
  const key = tagKeyOf(tagTargetOf(ref, column));
  for (const k of keys) {
    if (!ctx.uc.acl.unsetTag(key, k) && strict) throw ucErrors.tagNotFound(k);
  }
}
