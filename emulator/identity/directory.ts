import type { IdentityDirectory, Principal } from '../contracts';
import { ADMINS_GROUP, METASTORE_ADMINS_GROUP } from './builtin-groups';
import type { IdentityStore } from './identity-store';
import type { IdentityRecord } from './model';
import { nameKey } from './validate';

export function toPrincipal(identity: IdentityRecord): Principal {
  switch (identity.kind) {
    case 'user':
      return { id: identity.record.id, kind: 'user', name: identity.record.userName, displayName: identity.record.displayName };
    case 'service-principal':
      return {
        id: identity.record.id,
        kind: 'service-principal',
        name: identity.record.applicationId,
        displayName: identity.record.displayName,
      };
    case 'group':
      return { id: identity.record.id, kind: 'group', name: identity.record.displayName, displayName: identity.record.displayName };
  }
}

/** The read-only view of the identity store that the Unity Catalog side evaluates privileges against. */
export class StoreDirectory implements IdentityDirectory {
  constructor(private readonly store: IdentityStore) {}

  byName(name: string): Principal | undefined {
    const key = nameKey(name);
    const user = this.store.userByName(key);
    if (user) return toPrincipal({ kind: 'user', record: user });
    const sp = this.store.servicePrincipalByApplicationId(key);
    if (sp) return toPrincipal({ kind: 'service-principal', record: sp });
    const group = this.store.groupByName(key);
    return group ? toPrincipal({ kind: 'group', record: group }) : undefined;
  }

  byId(id: string): Principal | undefined {
    const identity = this.store.get(id);
    return identity ? toPrincipal(identity) : undefined;
  }

  groupsOf(principalId: string): ReadonlySet<string> {
    return new Set(this.store.allGroups(principalId).map((g) => g.displayName));
  }

  isWorkspaceAdmin(principalId: string): boolean {
    return this.isMemberOf(principalId, ADMINS_GROUP);
  }

  isMetastoreAdmin(principalId: string): boolean {
    return this.isMemberOf(principalId, METASTORE_ADMINS_GROUP);
  }

  all(): readonly Principal[] {
    const { users, servicePrincipals, groups } = this.store.snapshot();
    return [
      ...users.map((record) => toPrincipal({ kind: 'user', record })),
      ...servicePrincipals.map((record) => toPrincipal({ kind: 'service-principal', record })),
      ...groups.map((record) => toPrincipal({ kind: 'group', record })),
    ];
  }

  /** Membership counts through nested groups: a member of a group inside `admins` is an admin. */
  private isMemberOf(principalId: string, groupName: string): boolean {
    const group = this.store.groupByName(groupName);
    return group !== undefined && this.store.allGroups(principalId).some((g) => g.id === group.id);
  }
}
