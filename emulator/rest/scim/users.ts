import { IdentityError, type EmailEntry, type Identities, type UserRecord } from '../../identity';
import { applyPatch, type Draft } from './patch';
import type { ScimKind } from './scim-resource';
import { asObject, optionalBoolean, optionalString, requiredString, ScimInputError, valueList } from './scim-errors';
import { userResource } from './serialize';

const USER_PATCH = {
  attributes: ['userName', 'displayName', 'name', 'emails', 'active', 'externalId', 'entitlements', 'groups', 'roles'],
  multiValued: ['emails', 'entitlements', 'groups', 'roles'],
} as const;

function emailsFrom(value: unknown, userName: string): EmailEntry[] {
  if (value === undefined || value === null) return [{ value: userName, type: 'work', primary: true }];
  if (!Array.isArray(value)) throw new ScimInputError('emails must be an array');
  return value.map((e) => {
    const o = asObject(e);
    return { value: requiredString(o.value, 'emails.value'), type: optionalString(o.type, 'emails.type') ?? 'work', primary: o.primary === true };
  });
}

/** Everything but the id and group memberships, from a SCIM User body or a patched draft. */
function userFields(body: unknown): Omit<UserRecord, 'id'> {
  const o = asObject(body);
  const userName = requiredString(o.userName, 'userName');
  const name = o.name === undefined || o.name === null ? {} : asObject(o.name);
  const externalId = optionalString(o.externalId, 'externalId');
  return {
    userName,
    displayName: optionalString(o.displayName, 'displayName') ?? userName,
    givenName: optionalString(name.givenName, 'name.givenName') ?? '',
    familyName: optionalString(name.familyName, 'name.familyName') ?? '',
    emails: emailsFrom(o.emails, userName),
    active: optionalBoolean(o.active, 'active') ?? true,
    ...(externalId === undefined ? {} : { externalId }),
    entitlements: valueList(o.entitlements, 'entitlements'),
  };
}

function draftOf(u: UserRecord, groupIds: readonly string[]): Draft {
  return {
    userName: u.userName,
    displayName: u.displayName,
    name: { givenName: u.givenName, familyName: u.familyName },
    emails: u.emails.map((e) => ({ ...e })),
    active: u.active,
    externalId: u.externalId,
    entitlements: u.entitlements.map((value) => ({ value })),
    groups: groupIds.map((value) => ({ value })),
  };
}

/** Makes the user's direct groups exactly `wanted` (SCIM `groups` on create, replace and patch). */
export function requireGroups(identities: Identities, ids: readonly string[]): void {
  for (const id of ids) if (!identities.store.getGroup(id)) throw new IdentityError('invalid', `Group ${id} does not exist.`);
}

export function syncGroups(identities: Identities, principalId: string, wanted: readonly string[]): void {
  const { store } = identities;
  requireGroups(identities, wanted);
  const current = store.directGroups(principalId).map((g) => g.id);
  for (const id of wanted) if (!current.includes(id)) store.addMembers(id, [principalId]);
  for (const id of current) if (!wanted.includes(id)) store.removeMembers(id, [principalId]);
}

export function usersKind(identities: Identities): ScimKind {
  const { store } = identities;
  const serialize = (id: string) => userResource(store, store.getUser(id) as UserRecord);
  const groupIds = (id: string) => store.directGroups(id).map((g) => g.id);
  return {
    resource: 'Users',
    noun: 'User',
    list: () => store.listUsers().map((u) => userResource(store, u)),
    get: (id) => {
      const u = store.getUser(id);
      return u ? userResource(store, u) : undefined;
    },
    create: (body) => {
      const fields = userFields(body);
      const groups = valueList(asObject(body).groups, 'groups');
      requireGroups(identities, groups);
      const user = store.createUser(fields);
      if (groups.length > 0) syncGroups(identities, user.id, [...groupIds(user.id), ...groups]);
      return serialize(user.id);
    },
    replace: (id, body) => {
      store.replaceUser(id, userFields(body));
      return serialize(id);
    },
    patch: (id, body) => {
      const user = store.getUser(id);
      if (!user) throw new IdentityError('not-found', `User ${id} not found.`);
      const draft = applyPatch(draftOf(user, groupIds(id)), body, USER_PATCH);
      const groups = valueList(draft.groups, 'groups');
      requireGroups(identities, groups);
      store.replaceUser(id, userFields(draft));
      syncGroups(identities, id, groups);
      return serialize(id);
    },
  };
}
