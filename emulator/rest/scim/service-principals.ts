import { IdentityError, type Identities, type ServicePrincipalRecord } from '../../identity';
import { applyPatch, type Draft } from './patch';
import type { ScimKind } from './scim-resource';
import { asObject, optionalBoolean, optionalString, requiredString, valueList } from './scim-errors';
import { servicePrincipalResource } from './serialize';
import { requireGroups, syncGroups } from './users';

const SP_PATCH = {
  attributes: ['displayName', 'active', 'externalId', 'entitlements', 'groups', 'roles'],
  multiValued: ['entitlements', 'groups', 'roles'],
} as const;

function spFields(body: unknown): Omit<ServicePrincipalRecord, 'id' | 'applicationId'> {
  const o = asObject(body);
  const externalId = optionalString(o.externalId, 'externalId');
  return {
    displayName: requiredString(o.displayName, 'displayName'),
    active: optionalBoolean(o.active, 'active') ?? true,
    ...(externalId === undefined ? {} : { externalId }),
    entitlements: valueList(o.entitlements, 'entitlements'),
  };
}

function draftOf(s: ServicePrincipalRecord, groupIds: readonly string[]): Draft {
  return {
    displayName: s.displayName,
    active: s.active,
    externalId: s.externalId,
    entitlements: s.entitlements.map((value) => ({ value })),
    groups: groupIds.map((value) => ({ value })),
  };
}

/** Service principals: Databricks generates the applicationId (UUID) unless one is given, as on Azure (§5.2). */
export function servicePrincipalsKind(identities: Identities): ScimKind {
  const { store } = identities;
  const serialize = (id: string) => servicePrincipalResource(store, store.getServicePrincipal(id) as ServicePrincipalRecord);
  const groupIds = (id: string) => store.directGroups(id).map((g) => g.id);
  return {
    resource: 'ServicePrincipals',
    noun: 'Service principal',
    list: () => store.listServicePrincipals().map((s) => servicePrincipalResource(store, s)),
    get: (id) => {
      const s = store.getServicePrincipal(id);
      return s ? servicePrincipalResource(store, s) : undefined;
    },
    create: (body) => {
      const o = asObject(body);
      const applicationId = optionalString(o.applicationId, 'applicationId');
      const fields = spFields(o);
      const groups = valueList(o.groups, 'groups');
      requireGroups(identities, groups);
      const sp = store.createServicePrincipal({ ...fields, ...(applicationId === undefined ? {} : { applicationId }) });
      if (groups.length > 0) syncGroups(identities, sp.id, [...groupIds(sp.id), ...groups]);
      return serialize(sp.id);
    },
    replace: (id, body) => {
      store.replaceServicePrincipal(id, spFields(body));
      return serialize(id);
    },
    patch: (id, body) => {
      const sp = store.getServicePrincipal(id);
      if (!sp) throw new IdentityError('not-found', `Service principal ${id} not found.`);
      const draft = applyPatch(draftOf(sp, groupIds(id)), body, SP_PATCH);
      const groups = valueList(draft.groups, 'groups');
      requireGroups(identities, groups);
      store.replaceServicePrincipal(id, spFields(draft));
      syncGroups(identities, id, groups);
      return serialize(id);
    },
  };
}
