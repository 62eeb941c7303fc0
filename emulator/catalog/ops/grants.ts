import { describeSecurable } from '../authz';
import { ucErrors } from '../errors';
import { grantKeyOf, type SecurableRef } from '../model';
import { allPrivilegesCovers, GRANTABLE, normalizePrivilege, type SecurableKind } from '../privileges';
import { principalNamed, type OpContext } from './context';

export interface GrantChange {
  readonly principal: string;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

export function securableKeyOf(ctx: OpContext, ref: SecurableRef): string {
  switch (ref.kind) {
    case 'METASTORE':
      return grantKeyOf('METASTORE', ctx.uc.sandbox.metastoreId);
    case 'CATALOG':
      return grantKeyOf('CATALOG', ref.catalog.id);
    case 'SCHEMA':
      return grantKeyOf('SCHEMA', ref.schema.id);
    case 'TABLE':
      return grantKeyOf('TABLE', ref.table.id);
    case 'VOLUME':
      return grantKeyOf('VOLUME', ref.volume.id);
    case 'FUNCTION':
      return grantKeyOf('FUNCTION', ref.fn.id);
  }
}

/** Views accept fewer privileges than tables (no MODIFY, reference §1.9). */
export const grantKindOf = (ref: SecurableRef): SecurableKind =>
  ref.kind === 'TABLE' && ref.table.tableType === 'VIEW' ? 'VIEW' : ref.kind;

function checkPrivilege(ref: SecurableRef, text: string): string {
  const privilege = normalizePrivilege(text);
  if (privilege === undefined || !GRANTABLE[grantKindOf(ref)].has(privilege)) {
    throw ucErrors.invalidParameter(`Privilege ${text.toUpperCase()} is not applicable to this entity [${describeSecurable(ref)}].`);
  }
  return privilege;
}

/**
 * GRANT / REVOKE and the permissions PATCH API (reference §1.8, §4.7). Allowed for metastore admins, owners of the
 * object or a parent, and MANAGE holders (R14). Added privileges record the caller as grantor.
 */
export function updateGrants(ctx: OpContext, ref: SecurableRef, changes: readonly GrantChange[]): void {
  if (!ctx.uc.authz.canManage(ctx.subject, ref)) {
    throw ucErrors.insufficientPermissions(`User does not have MANAGE on ${describeSecurable(ref)}.`);
  }
  const key = securableKeyOf(ctx, ref);
  const planned = changes.map((change) => {
    const adding = (change.add ?? []).map((p) => checkPrivilege(ref, p));
    const removing = (change.remove ?? []).map((p) => checkPrivilege(ref, p));
    // Revoking from a principal that no longer exists must still work, so only additions need it to exist.
    const principal = adding.length > 0 ? principalNamed(ctx, change.principal) : ctx.uc.principalName(change.principal) ?? change.principal;
    return { principal, adding, removing };
  });
  for (const { principal, adding, removing } of planned) {
    const current = new Map(ctx.uc.acl.privilegesOf(key, principal.toLowerCase()) ?? []);
    for (const p of removing) current.delete(p);
    for (const p of adding) current.set(p, ctx.subject.principal.name);
    ctx.uc.acl.setPrivileges(key, principal, current);
  }
}

/** What SQL `REVOKE ALL PRIVILEGES` takes away: everything ALL PRIVILEGES stands for (MANAGE survives, R12). */
export function revokeAllList(ctx: OpContext, ref: SecurableRef, principal: string): string[] {
  const held = ctx.uc.acl.privilegesOf(securableKeyOf(ctx, ref), principal.toLowerCase());
  return [...(held?.keys() ?? [])].filter((p) => p === 'ALL_PRIVILEGES' || allPrivilegesCovers(p));
}
