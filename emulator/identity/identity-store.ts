import { AUTO_MEMBERSHIP_GROUPS, BUILTIN_GROUPS } from './builtin-groups';
import { newScimId, newUuid } from './ids';
import { MembershipIndex } from './membership';
import {
  IdentityError,
  type GroupRecord,
  type IdentityRecord,
  type NewGroup,
  type NewServicePrincipal,
  type NewUser,
  type ServicePrincipalRecord,
  type UserRecord,
} from './model';
import { nameKey, requireEmail, requireName, requireUuid } from './validate';

export interface IdentitySnapshot {
  readonly users: readonly UserRecord[];
  readonly servicePrincipals: readonly ServicePrincipalRecord[];
  readonly groups: readonly GroupRecord[];
}

export type IdentityChange = { readonly type: 'changed' } | { readonly type: 'deleted'; readonly id: string };

/**
 * The one copy of the sandbox's users, service principals and groups. SCIM, OAuth, PATs and the Unity Catalog
 * side all read it; only this class mutates it, and every mutation notifies listeners (persistence, token
 * clean-up when a principal is deleted).
 */
export class IdentityStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly sps = new Map<string, ServicePrincipalRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private index = new MembershipIndex([]);
  private readonly listeners = new Set<(change: IdentityChange) => void>();

  constructor(snapshot?: IdentitySnapshot) {
    for (const u of snapshot?.users ?? []) this.users.set(u.id, u);
    for (const s of snapshot?.servicePrincipals ?? []) this.sps.set(s.id, s);
    for (const g of snapshot?.groups ?? []) this.groups.set(g.id, g);
    for (const displayName of BUILTIN_GROUPS) {
      if (this.groupByName(displayName)) continue;
      const id = newScimId();
      this.groups.set(id, { id, displayName, memberIds: [], entitlements: [] });
    }
    this.reindex();
  }

  onChange(listener: (change: IdentityChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): IdentitySnapshot {
    return { users: this.listUsers(), servicePrincipals: this.listServicePrincipals(), groups: this.listGroups() };
  }

  listUsers(): readonly UserRecord[] {
    return [...this.users.values()];
  }

  listServicePrincipals(): readonly ServicePrincipalRecord[] {
    return [...this.sps.values()];
  }

  listGroups(): readonly GroupRecord[] {
    return [...this.groups.values()];
  }

  get(id: string): IdentityRecord | undefined {
    const user = this.users.get(id);
    if (user) return { kind: 'user', record: user };
    const sp = this.sps.get(id);
    if (sp) return { kind: 'service-principal', record: sp };
    const group = this.groups.get(id);
    return group ? { kind: 'group', record: group } : undefined;
  }

  getUser(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  getServicePrincipal(id: string): ServicePrincipalRecord | undefined {
    return this.sps.get(id);
  }

  getGroup(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  userByName(userName: string): UserRecord | undefined {
    const key = nameKey(userName);
    return this.listUsers().find((u) => nameKey(u.userName) === key);
  }

  servicePrincipalByApplicationId(applicationId: string): ServicePrincipalRecord | undefined {
    const key = nameKey(applicationId);
    return this.listServicePrincipals().find((s) => s.applicationId === key);
  }

  groupByName(displayName: string): GroupRecord | undefined {
    const key = nameKey(displayName);
    return this.listGroups().find((g) => nameKey(g.displayName) === key);
  }

  createUser(input: NewUser): UserRecord {
    const userName = requireEmail(input.userName, 'userName');
    if (this.userByName(userName)) throw new IdentityError('conflict', `User with username ${userName} already exists.`);
    const user: UserRecord = {
      id: newScimId(),
      userName,
      displayName: input.displayName ?? userName,
      givenName: input.givenName ?? '',
      familyName: input.familyName ?? '',
      emails: input.emails ?? [{ value: userName, type: 'work', primary: true }],
      active: input.active ?? true,
      ...(input.externalId === undefined ? {} : { externalId: input.externalId }),
      entitlements: input.entitlements ?? [],
    };
    this.users.set(user.id, user);
    this.joinAutoGroups(user.id);
    return user;
  }

  replaceUser(id: string, next: Omit<UserRecord, 'id'>): UserRecord {
    if (!this.users.has(id)) throw notFound('User', id);
    const userName = requireEmail(next.userName, 'userName');
    const clash = this.userByName(userName);
    if (clash && clash.id !== id) throw new IdentityError('conflict', `User with username ${userName} already exists.`);
    const user: UserRecord = { ...next, id, userName };
    this.users.set(id, user);
    this.emit({ type: 'changed' });
    return user;
  }

  createServicePrincipal(input: NewServicePrincipal): ServicePrincipalRecord {
    const displayName = requireName(input.displayName, 'displayName');
    const applicationId = requireUuid(input.applicationId ?? newUuid(), 'applicationId');
    if (this.servicePrincipalByApplicationId(applicationId)) {
      throw new IdentityError('conflict', `Service principal with applicationId ${applicationId} already exists.`);
    }
    const sp: ServicePrincipalRecord = {
      id: newScimId(),
      applicationId,
      displayName,
      active: input.active ?? true,
      ...(input.externalId === undefined ? {} : { externalId: input.externalId }),
      entitlements: input.entitlements ?? [],
    };
    this.sps.set(sp.id, sp);
    this.joinAutoGroups(sp.id);
    return sp;
  }

  replaceServicePrincipal(id: string, next: Omit<ServicePrincipalRecord, 'id' | 'applicationId'>): ServicePrincipalRecord {
    const current = this.sps.get(id);
    if (!current) throw notFound('Service principal', id);
    const sp: ServicePrincipalRecord = { ...next, displayName: requireName(next.displayName, 'displayName'), id, applicationId: current.applicationId };
    this.sps.set(id, sp);
    this.emit({ type: 'changed' });
    return sp;
  }

  createGroup(input: NewGroup): GroupRecord {
    const displayName = requireName(input.displayName, 'displayName');
    if (this.groupByName(displayName)) throw new IdentityError('conflict', `Group with name ${displayName} already exists.`);
    const group: GroupRecord = {
      id: newScimId(),
      displayName,
      ...(input.externalId === undefined ? {} : { externalId: input.externalId }),
      memberIds: [],
      entitlements: input.entitlements ?? [],
    };
    this.groups.set(group.id, group);
    try {
      this.setMembers(group.id, input.memberIds ?? []);
    } catch (error) {
      this.groups.delete(group.id);
      this.reindex();
      throw error;
    }
    return this.groups.get(group.id) as GroupRecord;
  }

  replaceGroup(id: string, next: Omit<GroupRecord, 'id'>): GroupRecord {
    const current = this.groups.get(id);
    if (!current) throw notFound('Group', id);
    const displayName = requireName(next.displayName, 'displayName');
    const clash = this.groupByName(displayName);
    if (clash && clash.id !== id) throw new IdentityError('conflict', `Group with name ${displayName} already exists.`);
    if (BUILTIN_GROUPS.includes(current.displayName) && displayName !== current.displayName) {
      throw new IdentityError('invalid', `The system group ${current.displayName} cannot be renamed.`);
    }
    this.setMembers(id, next.memberIds);
    const members = (this.groups.get(id) as GroupRecord).memberIds;
    this.groups.set(id, { ...next, id, displayName, memberIds: members });
    this.emit({ type: 'changed' });
    return this.groups.get(id) as GroupRecord;
  }

  /** Replaces a group's direct members; refuses unknown ids and membership loops. */
  setMembers(groupId: string, memberIds: readonly string[]): void {
    const group = this.groups.get(groupId);
    if (!group) throw notFound('Group', groupId);
    const unique = [...new Set(memberIds)];
    for (const memberId of unique) {
      if (!this.get(memberId)) throw new IdentityError('invalid', `Member ${memberId} does not exist.`);
    }
    const trial = new MembershipIndex([...this.listGroups().filter((g) => g.id !== groupId), { ...group, memberIds: [] }]);
    for (const memberId of unique) {
      if (trial.wouldCycle(groupId, memberId)) {
        throw new IdentityError('invalid', `Adding ${memberId} to group ${group.displayName} would create a membership cycle.`);
      }
    }
    this.groups.set(groupId, { ...group, memberIds: unique });
    this.reindex();
  }

  addMembers(groupId: string, memberIds: readonly string[]): void {
    const group = this.groups.get(groupId);
    if (!group) throw notFound('Group', groupId);
    this.setMembers(groupId, [...group.memberIds, ...memberIds]);
  }

  removeMembers(groupId: string, memberIds: readonly string[]): void {
    const group = this.groups.get(groupId);
    if (!group) throw notFound('Group', groupId);
    const drop = new Set(memberIds);
    this.setMembers(groupId, group.memberIds.filter((id) => !drop.has(id)));
  }

  /** Deletes a user, service principal or group and removes it from every group. */
  delete(id: string): void {
    const group = this.groups.get(id);
    if (group && BUILTIN_GROUPS.includes(group.displayName)) {
      throw new IdentityError('invalid', `The system group ${group.displayName} cannot be deleted.`);
    }
    if (!this.users.delete(id) && !this.sps.delete(id) && !this.groups.delete(id)) throw notFound('Resource', id);
    for (const g of this.listGroups()) {
      if (g.memberIds.includes(id)) this.groups.set(g.id, { ...g, memberIds: g.memberIds.filter((m) => m !== id) });
    }
    this.reindex({ type: 'deleted', id });
  }

  directGroups(principalId: string): readonly GroupRecord[] {
    return this.index.directGroupIds(principalId).map((id) => this.groups.get(id) as GroupRecord);
  }

  allGroups(principalId: string): readonly GroupRecord[] {
    return [...this.index.allGroupIds(principalId)].map((id) => this.groups.get(id) as GroupRecord);
  }

  private joinAutoGroups(principalId: string): void {
    for (const name of AUTO_MEMBERSHIP_GROUPS) {
      const group = this.groupByName(name) as GroupRecord;
      this.groups.set(group.id, { ...group, memberIds: [...group.memberIds, principalId] });
    }
    this.reindex();
  }

  private reindex(change: IdentityChange = { type: 'changed' }): void {
    this.index = new MembershipIndex(this.groups.values());
    this.emit(change);
  }

  private emit(change: IdentityChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function notFound(what: string, id: string): IdentityError {
  return new IdentityError('not-found', `${what} ${id} not found.`);
}
