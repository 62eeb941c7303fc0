import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { Identities } from '../identity';
import type { AccessTokenMinter } from './access-token-minter';
import type { FederationPolicies, FederationPolicy } from './federation-policies';

export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const ALLOWED_SCOPES = new Set(['all-apis', 'sql']);
/** `client_id` claim of tokens from account-wide federation, where the request names no client. */
export const FEDERATION_CLIENT_ID = 'token-federation';

export interface ExchangeContext {
  readonly issuer: string;
  readonly audience: string;
  readonly identities: Identities;
  readonly policies: FederationPolicies;
  readonly minter: AccessTokenMinter;
  readonly maxTtlSeconds: number;
}

export interface TokenEndpointResponse {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

const fail = (status: number, error: string, description: string): TokenEndpointResponse => ({
  status,
  body: { error, error_description: description },
});

async function verifyAgainst(token: string, policy: FederationPolicy): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [...policy.jwks.keys] }), {
      issuer: policy.issuer,
      audience: [...policy.audiences],
      algorithms: ['RS256', 'ES256'], // what Databricks accepts from an IdP (databricks-oauth.md §3.2)
      requiredClaims: ['exp'],
    });
    return payload;
  } catch {
    return undefined;
  }
}

/**
 * RFC 8693 token exchange as Databricks serves it at the token endpoint (databricks-oauth.md §3.2): an IdP JWT in
 * `subject_token`, `subject_token_type=…:jwt`, optional `client_id` (service-principal federation; absent for
 * account-wide federation), no client authentication. The issued token lives no longer than the subject token.
 */
export async function exchangeToken(form: Readonly<Record<string, string>>, ctx: ExchangeContext): Promise<TokenEndpointResponse> {
  const subjectToken = form.subject_token;
  if (!subjectToken) return fail(400, 'invalid_request', 'missing required parameter subject_token');
  if (form.subject_token_type !== JWT_TOKEN_TYPE) return fail(400, 'invalid_request', `subject_token_type must be ${JWT_TOKEN_TYPE}`);
  const clientId = form.client_id || undefined;
  const sp = clientId === undefined ? undefined : ctx.identities.store.servicePrincipalByApplicationId(clientId);
  if (clientId !== undefined && !sp?.active) return fail(401, 'invalid_client', `Service principal ${clientId} not found`);
  let issuer: string;
  try {
    issuer = String(decodeJwt(subjectToken).iss ?? '');
  } catch {
    return fail(400, 'invalid_request', 'subject_token is not a valid JWT');
  }
  const scopes = (form.scope || 'all-apis').split(' ').filter(Boolean);
  if (scopes.some((s) => !ALLOWED_SCOPES.has(s))) return fail(400, 'invalid_scope', 'requested scope is not allowed');

  for (const policy of ctx.policies.applicable(issuer, clientId)) {
    const payload = await verifyAgainst(subjectToken, policy);
    if (!payload) continue;
    const subject = payload[policy.subjectClaim];
    if (typeof subject !== 'string') continue;
    let principalName: string | undefined;
    if (policy.servicePrincipal) {
      principalName = subject === policy.servicePrincipal.subject ? sp?.applicationId : undefined;
    } else {
      const principal = ctx.identities.directory.byName(subject);
      principalName = principal && principal.kind !== 'group' && isActive(ctx.identities, principal.id) ? principal.name : undefined;
    }
    if (!principalName) continue;
    const lifetime = Math.min(ctx.maxTtlSeconds, (payload.exp ?? 0) - Math.floor(Date.now() / 1000));
    if (lifetime <= 0) continue;
    const scope = scopes.join(' ');
    const accessToken = await ctx.minter.mint(ctx.issuer, ctx.audience, {
      subject: principalName,
      clientId: clientId ?? FEDERATION_CLIENT_ID,
      scope,
      expiresInSeconds: lifetime,
    });
    return { status: 200, body: { access_token: accessToken, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: lifetime, scope } };
  }
  return fail(400, 'invalid_request', 'subject_token is not accepted by any federation policy of this account');
}

function isActive(identities: Identities, id: string): boolean {
  const identity = identities.store.get(id);
  return identity !== undefined && identity.kind !== 'group' && identity.record.active;
}
