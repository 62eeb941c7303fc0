import { z } from 'zod';
import type { IdentityInfo, RestClient } from '../connection/types';
import type { HttpClient } from '../http/http-client';
import { jwtClaims } from '../oauth/jwt-claims';

/**
 * Who is signed in: SCIM `Me` (`GET /api/2.0/preview/scim/v2/Me`, the JS SDK's `currentUser.me()`; reference
 * databricks-oauth.md §7.3). A service principal's token answers with its `applicationId`, which is also the name
 * Unity Catalog grants to. Workspace admins are the members of the `admins` group.
 */
const MeSchema = z.object({
  id: z.string(),
  userName: z.string().optional(),
  applicationId: z.string().optional(),
  displayName: z.string().optional(),
  schemas: z.array(z.string()).optional(),
  groups: z.array(z.object({ display: z.string().optional(), value: z.string().optional() })).optional(),
});

const SP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal';
export const ADMINS_GROUP = 'admins';

export async function fetchIdentity(rest: RestClient, signal?: AbortSignal): Promise<IdentityInfo> {
  const me = await rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: MeSchema, signal, what: 'Reading who you are (SCIM Me)' });
  const servicePrincipal = me.applicationId !== undefined || (me.schemas ?? []).includes(SP_SCHEMA);
  const userName = (servicePrincipal ? me.applicationId : undefined) ?? me.userName ?? me.id;
  const groups = [...new Set((me.groups ?? []).map((g) => g.display).filter((g): g is string => !!g))].sort((a, b) => a.localeCompare(b));
  return {
    kind: servicePrincipal ? 'service-principal' : 'user',
    id: me.id,
    userName,
    displayName: me.displayName || userName,
    groups,
    admin: groups.includes(ADMINS_GROUP),
  };
}

const HostMetadataSchema = z.object({ workspace_id: z.union([z.string(), z.number()]).optional(), account_id: z.string().optional() });

/**
 * `GET /.well-known/databricks-config` (newer SDKs call it first; failure is non-fatal — Go `config/host_metadata.go`).
 * Gives the workspace id shown on the identity card.
 */
export async function fetchHostMetadata(http: HttpClient, origin: string, signal?: AbortSignal): Promise<{ workspaceId?: string; accountId?: string }> {
  try {
    const res = await http.send({ method: 'GET', url: `${origin}/.well-known/databricks-config`, signal, timeoutMs: 5000, what: 'Reading workspace metadata' });
    if (res.status !== 200) return {};
    const parsed = HostMetadataSchema.safeParse(JSON.parse(res.text));
    if (!parsed.success) return {};
    const { workspace_id: ws, account_id: account } = parsed.data;
    return { ...(ws !== undefined ? { workspaceId: String(ws) } : {}), ...(account ? { accountId: account } : {}) };
  } catch {
    return {};
  }
}

/**
 * Account-level sign-in has no workspace SCIM `Me`; the account access token (an RS256 JWT, reference §2.5) names
 * its subject, which is the user's email or the service principal's application id. Groups and admin rights are
 * account-level matters the identity card does not claim to know.
 */
export function identityFromAccessToken(accessToken: string): IdentityInfo {
  const claims = jwtClaims(accessToken) ?? {};
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : 'unknown';
  const clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;
  const name = typeof claims.name === 'string' && claims.name ? claims.name : sub;
  return { kind: clientId !== undefined && clientId === sub ? 'service-principal' : 'user', id: sub, userName: sub, displayName: name, groups: [], admin: false };
}
