import { IdentityError, type GroupRecord, type Identities } from '../../identity';
import { applyPatch, type Draft } from './patch';
import type { ScimKind } from './scim-resource';
import { asObject, optionalString, requiredString, valueList } from './scim-errors';
import { groupResource } from './serialize';

const GROUP_PATCH = {
  attributes: ['displayName', 'externalId', 'members', 'entitlements', 'roles'],
  multiValued: ['members', 'entitlements', 'roles'],
} as const;

function groupFields(body: unknown): Omit<GroupRecord, 'id'> {
  const o = asObject(body);
  const externalId = optionalString(o.externalId, 'externalId');
  return {
    displayName: requiredString(o.displayName, 'displayName'),
    ...(externalId === undefined ? {} : { externalId }),
    memberIds: valueList(o.members, 'members'),
    entitlements: valueList(o.entitlements, 'entitlements'),
  };
}

function draftOf(g: GroupRecord): Draft {
  return {
    displayName: g.displayName,
    externalId: g.externalId,
    members: g.memberIds.map((value) => ({ value })),
    entitlements: g.entitlements.map((value) => ({ value })),
  };
}

/** Groups, with members that may be users, service principals or other groups (nesting). */
export function groupsKind(identities: Identities): ScimKind {
  const { store } = identities;
  const serialize = (id: string) => groupResource(store, store.getGroup(id) as GroupRecord);
  return {
    resource: 'Groups',
    noun: 'Group',
    list: () => store.listGroups().map((g) => groupResource(store, g)),
    get: (id) => {
      const g = store.getGroup(id);
      return g ? groupResource(store, g) : undefined;
    },
    create: (body) => {
      const fields = groupFields(body);
      const group = store.createGroup({ ...fields, ...(fields.externalId === undefined ? {} : { externalId: fields.externalId }) });
      return serialize(group.id);
    },
    replace: (id, body) => {
      store.replaceGroup(id, groupFields(body));
      return serialize(id);
    },
    patch: (id, body) => {
      const group = store.getGroup(id);
      if (!group) throw new IdentityError('not-found', `Group ${id} not found.`);
      store.replaceGroup(id, groupFields(applyPatch(draftOf(group), body, GROUP_PATCH)));
      return serialize(id);
    },
  };
}
