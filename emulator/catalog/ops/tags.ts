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
 * The tag constraints of https://docs.databricks.com/aws/en/database-objects/tags: "You can assign a maximum of 50
 * tags to a single securable object", keys at most 255 characters, values at most 1000, and "the following
 * characters are not allowed in tag keys: . , - = / :". The page does not say which error a violation raises; the
 * sandbox answers INVALID_PARAMETER_VALUE naming the rule.
 */
export const MAX_TAGS_PER_OBJECT = 50;
const FORBIDDEN_IN_KEYS = ['.', ',', '-', '=', '/', ':'];

function checkTags(tags: readonly (readonly [string, string])[], existing: ReadonlyMap<string, string>): void {
  for (const [k, v] of tags) {
    const bad = FORBIDDEN_IN_KEYS.find((ch) => k.includes(ch));
    if (bad !== undefined) throw ucErrors.invalidParameter(`Tag key '${k}' contains '${bad}': tag keys cannot contain . , - = / :`);
    if (k.length === 0 || k.length > 255) throw ucErrors.invalidParameter(`Tag key '${k.slice(0, 40)}' must be 1 to 255 characters long.`);
    if (v.length > 1000) throw ucErrors.invalidParameter(`The value of tag '${k}' is ${v.length} characters long; at most 1000 are allowed.`);
  }
  const keys = new Set([...existing.keys(), ...tags.map(([k]) => k)]);
  if (keys.size > MAX_TAGS_PER_OBJECT) {
    throw ucErrors.invalidParameter(`An object can have at most ${MAX_TAGS_PER_OBJECT} tags; this would give it ${keys.size}.`);
  }
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
  checkTags(tags, current);
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
