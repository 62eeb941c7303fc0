import { z } from 'zod';
import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import type { HttpClient } from '../http/http-client';

/**
 * Authorization-server metadata (RFC 8414). Every official Databricks SDK reads
 * `<workspace>/oidc/.well-known/oauth-authorization-server`; for the account console it is
 * `<accounts-host>/oidc/accounts/<account-id>/.well-known/oauth-authorization-server` (Go
 * `credentials/u2m/endpoint_supplier.go`, Py `oauth.py`; reference databricks-oauth.md §1.1–1.2).
 */

export interface OAuthTarget {
  /** Normalised origin of the workspace or account console. */
  readonly origin: string;
  /** Account-level sign-in only. */
  readonly accountId?: string;
}

export interface OAuthEndpoints {
  readonly issuer: string | undefined;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  /** Databricks documents none; used only when a server advertises one (RFC 7009). */
  readonly revocationEndpoint: string | undefined;
  readonly tokenAuthMethods: readonly string[];
}

const MetadataSchema = z.object({
  issuer: z.string().optional(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  revocation_endpoint: z.string().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});

export const oidcBase = (target: OAuthTarget): string =>
  target.accountId === undefined ? `${target.origin}/oidc` : `${target.origin}/oidc/accounts/${target.accountId}`;

export const discoveryUrl = (target: OAuthTarget): string => `${oidcBase(target)}/.well-known/oauth-authorization-server`;

/**
 * The token goes wherever the metadata says, so its endpoints must be on the very host the user chose (reference
 * electron-architecture-security-testing.md §5.3 step 2): a tampered document cannot redirect codes or secrets.
 */
function sameOrigin(endpoint: string, origin: string): boolean {
  if (!URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  return `${url.protocol}//${url.host}` === origin && url.username === '' && url.password === '';
}

export async function discoverEndpoints(http: HttpClient, target: OAuthTarget, signal?: AbortSignal): Promise<OAuthEndpoints> {
  const host = new URL(target.origin).host;
  const res = await http.send({ method: 'GET', url: discoveryUrl(target), signal, what: 'OAuth discovery' });
  const unavailable = (detail: string) => new AppFailure(authFailure('oauth-unavailable', { host, detail }));
  if (res.status !== 200) throw unavailable(`HTTP ${res.status}`);
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw unavailable('the answer was not JSON');
  }
  const parsed = MetadataSchema.safeParse(json);
  if (!parsed.success) throw unavailable('the answer lacked the authorize or token endpoint');
  const m = parsed.data;
  for (const endpoint of [m.authorization_endpoint, m.token_endpoint]) {
    if (!sameOrigin(endpoint, target.origin)) throw unavailable(`an endpoint points outside ${host}`);
  }
  const revocation = m.revocation_endpoint && sameOrigin(m.revocation_endpoint, target.origin) ? m.revocation_endpoint : undefined;
  return {
    issuer: m.issuer,
    authorizationEndpoint: m.authorization_endpoint,
    tokenEndpoint: m.token_endpoint,
    revocationEndpoint: revocation,
    tokenAuthMethods: m.token_endpoint_auth_methods_supported ?? [],
  };
}
