import { describeSecurable } from '../catalog/authz';
import { ucErrors } from '../catalog/errors';
import type { SecurableRef } from '../catalog/model';
import type { OpContext } from '../catalog/ops/context';

export type Visibility = 'full' | 'browse' | 'none';

const OBJECT_PRIVILEGES = ['SELECT', 'MODIFY', 'APPLY_TAG', 'READ_VOLUME', 'WRITE_VOLUME', 'EXECUTE'];

/**
 * What REST reads may return to a caller (reference §4.2–§4.6): metastore admins and owners (of the object or a
 * parent) and MANAGE holders see everything; others need USE CATALOG (and USE SCHEMA below it) plus a privilege
 * on the object; BROWSE on the catalog shows metadata only, as `browse_only` (R12).
 */
export function visibility(ctx: OpContext, ref: SecurableRef): Visibility {
  const { authz } = ctx.uc;
  const s = ctx.subject;
  if (ref.kind === 'METASTORE' || authz.canManage(s, ref)) return 'full';
  const catalogRef = { kind: 'CATALOG' as const, catalog: ref.catalog };
  const browse = authz.has(s, catalogRef, 'BROWSE') ? 'browse' : 'none';
  const useCatalog = authz.has(s, catalogRef, 'USE_CATALOG');
  if (ref.kind === 'CATALOG') return useCatalog ? 'full' : browse;
  if (!useCatalog) return browse;
  const useSchema = authz.has(s, { kind: 'SCHEMA', catalog: ref.catalog, schema: ref.schema }, 'USE_SCHEMA');
  if (ref.kind === 'SCHEMA') return useSchema ? 'full' : browse;
  if (!useSchema) return browse;
  return OBJECT_PRIVILEGES.some((p) => authz.has(s, ref, p)) ? 'full' : browse;
}

/** GET of one object: 403 when the caller may not see it (BROWSE only with `include_browse=true`). */
export function requireVisible(ctx: OpContext, ref: SecurableRef, includeBrowse: boolean): Visibility {
  const v = visibility(ctx, ref);
  if (v === 'full' || (v === 'browse' && includeBrowse)) return v;
  throw ucErrors.insufficientPermissions(`User does not have permission to access ${describeSecurable(ref)}.`);
}
