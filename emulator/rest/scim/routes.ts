import type { RestRoute } from '../../contracts';
import { scimError } from '../../http/errors';
import type { Identities } from '../../identity';
import { groupsKind } from './groups';
import { project } from './projection';
import { scimResourceRoutes, type ScimScope } from './scim-resource';
import { servicePrincipalResource, USER_SCHEMAS, userResource } from './serialize';
import { servicePrincipalsKind } from './service-principals';
import { usersKind } from './users';

export const WORKSPACE_SCIM = '/api/2.0/preview/scim/v2';
export const ACCOUNT_SCIM = '/api/2.0/accounts/:account_id/scim/v2';

/**
 * `GET /Me`: the caller as a SCIM User. For a service principal Databricks answers with a user-shaped document whose
 * userName is the applicationId, which is what clients display.
 */
function meRoute(identities: Identities): RestRoute {
  const { store } = identities;
  return {
    method: 'GET',
    pattern: `${WORKSPACE_SCIM}/Me`,
    audit: { serviceName: 'accounts', actionName: 'getCurrentUser' },
    handle: async (req) => {
      const identity = store.get(req.caller.principal.id);
      if (identity?.kind === 'user') return { status: 200, body: project(userResource(store, identity.record), req.query) };
      if (identity?.kind === 'service-principal') {
        const sp = servicePrincipalResource(store, identity.record);
        return { status: 200, body: project({ ...sp, schemas: USER_SCHEMAS, userName: identity.record.applicationId }, req.query) };
      }
      return scimError(404, 'The calling principal no longer exists.');
    },
  };
}

/** SCIM 2.0 for the workspace (with Me) and the account (unity-catalog-scim-rest.md §5.1). */
export function scimRoutes(identities: Identities): RestRoute[] {
  const scopes: ScimScope[] = [
    { identities, base: WORKSPACE_SCIM, level: 'workspace' },
    { identities, base: ACCOUNT_SCIM, level: 'account' },
  ];
  return [
    meRoute(identities),
    ...scopes.flatMap((scope) => [
      ...scimResourceRoutes(scope, usersKind(identities)),
      ...scimResourceRoutes(scope, groupsKind(identities)),
      ...scimResourceRoutes(scope, servicePrincipalsKind(identities)),
    ]),
  ];
}
