import type { IdentityDirectory, Principal } from '../contracts';

/** A principal as privilege checks see it: its own name plus every group it belongs to, lower-cased. */
export interface Subject {
  readonly principal: Principal;
  readonly names: ReadonlySet<string>;
  /** Group display names, as `is_account_group_member()` compares them. */
  readonly groups: ReadonlySet<string>;
  readonly metastoreAdmin: boolean;
  readonly workspaceAdmin: boolean;
}

export function subjectOf(identities: IdentityDirectory, principal: Principal): Subject {
  const groups = identities.groupsOf(principal.id);
  const names = new Set<string>([principal.name.toLowerCase()]);
  for (const g of groups) names.add(g.toLowerCase());
  return {
    principal,
    names,
    groups,
    metastoreAdmin: identities.isMetastoreAdmin(principal.id),
    workspaceAdmin: identities.isWorkspaceAdmin(principal.id),
  };
}
