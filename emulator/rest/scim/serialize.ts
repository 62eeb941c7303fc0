import type { GroupRecord, IdentityStore, ServicePrincipalRecord, UserRecord } from '../../identity';
import { isWorkspaceLocalGroup } from './scim-level';

// Schema URNs as Databricks sends them (unity-catalog-scim-rest.md §5.2).
export const USER_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:workspace:2.0:User'];
export const GROUP_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:Group'];
export const SP_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal'];

type Json = Record<string, unknown>;

const values = (list: readonly string[]): Json[] => list.map((value) => ({ value }));

function refFor(store: IdentityStore, id: string): string {
  switch (store.get(id)?.kind) {
    case 'user':
      return `Users/${id}`;
    case 'service-principal':
      return `ServicePrincipals/${id}`;
    default:
      return `Groups/${id}`;
  }
}

/** The principal's direct groups as SCIM ComplexValues. */
function groupsOf(store: IdentityStore, id: string): Json[] {
  return store.directGroups(id).map((g) => ({ value: g.id, display: g.displayName, type: 'direct', $ref: `Groups/${g.id}` }));
}

export function userResource(store: IdentityStore, u: UserRecord): Json {
  return {
    schemas: USER_SCHEMAS,
    id: u.id,
    userName: u.userName,
    displayName: u.displayName,
    name: { givenName: u.givenName, familyName: u.familyName },
    emails: u.emails.map((e) => ({ ...e })),
    active: u.active,
    ...(u.externalId === undefined ? {} : { externalId: u.externalId }),
    groups: groupsOf(store, u.id),
    entitlements: values(u.entitlements),
    roles: [],
  };
}

export function servicePrincipalResource(store: IdentityStore, s: ServicePrincipalRecord): Json {
  return {
    schemas: SP_SCHEMAS,
    id: s.id,
    applicationId: s.applicationId,
    displayName: s.displayName,
    active: s.active,
    ...(s.externalId === undefined ? {} : { externalId: s.externalId }),
    groups: groupsOf(store, s.id),
    entitlements: values(s.entitlements),
    roles: [],
  };
}

export function groupResource(store: IdentityStore, g: GroupRecord): Json {
  return {
    schemas: GROUP_SCHEMAS,
    id: g.id,
    displayName: g.displayName,
    ...(g.externalId === undefined ? {} : { externalId: g.externalId }),
    members: g.memberIds.map((id) => {
      const member = store.get(id);
      const display = member?.kind === 'user' ? member.record.displayName : member?.record.displayName ?? id;
      return { value: id, display, $ref: refFor(store, id) };
    }),
    groups: groupsOf(store, g.id),
    entitlements: values(g.entitlements),
    roles: [],
    meta: { resourceType: isWorkspaceLocalGroup(g.displayName) ? 'WorkspaceGroup' : 'Group' },
  };
}
