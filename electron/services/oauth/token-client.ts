import { z } from 'zod';
import type { AuthFailureContext } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { HttpClient } from '../http/http-client';
import type { OAuthEndpoints } from './discovery';
import { jwtExpiry } from './jwt-claims';
import { tokenEndpointFailure, type Grant } from './oauth-errors';

/** What a token endpoint hands back. The access token lives in memory; the refresh token goes to the vault. */
export interface TokenSet {
  readonly accessToken: string;
  /** Epoch ms, from `expires_in` on this machine's clock (robust to clock skew), else the JWT's `exp`. */
  readonly expiresAt: number | undefined;
  /** Epoch ms when it was received: with `expiresAt`, the token's lifetime. */
  readonly obtainedAt?: number;
  readonly refreshToken?: string;
  readonly idToken?: string;
  readonly scope?: string;
}

export interface OAuthClientCredentials {
  readonly clientId: string;
  readonly clientSecret?: string;
}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  // Databricks sends a number; other servers send a string (reference databricks-oauth.md §2.5).
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().optional(),
  scope: z.string().optional(),
});

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

export interface TokenClientOptions {
  readonly http: HttpClient;
  readonly endpoints: OAuthEndpoints;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly context: AuthFailureContext;
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded. */
const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

export interface TokenClient {
  exchangeCode(a: { client: OAuthClientCredentials; code: string; verifier: string; redirectUri: string; signal?: AbortSignal }): Promise<TokenSet>;
  refresh(a: { client: OAuthClientCredentials; refreshToken: string; signal?: AbortSignal }): Promise<TokenSet>;
  clientCredentials(a: { client: Required<OAuthClientCredentials>; scope: string; signal?: AbortSignal }): Promise<TokenSet>;
  exchangeToken(a: { subjectToken: string; clientId?: string; scope: string; signal?: AbortSignal }): Promise<TokenSet>;
  /** RFC 7009 revocation; false when the server advertises no revocation endpoint. */
  revoke(a: { client: OAuthClientCredentials; token: string; hint: 'refresh_token' | 'access_token'; signal?: AbortSignal }): Promise<boolean>;
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const { http, endpoints, clock, context } = options;

  /**
   * Client authentication. Client credentials always use HTTP Basic, as every Databricks SDK does
   * (`AuthStyleInHeader`, reference §3.1). Elsewhere a confidential client uses Basic unless the server lists
   * only `client_secret_post`; a public client sends just its id.
   */
  function authenticate(client: OAuthClientCredentials, form: Record<string, string>, forceBasic: boolean): Record<string, string> {
    if (client.clientSecret === undefined) {
      form.client_id = client.clientId;
      return {};
    }
    const methods = endpoints.tokenAuthMethods;
    if (forceBasic || methods.length === 0 || methods.includes('client_secret_basic')) {
      return { authorization: basic(client.clientId, client.clientSecret) };
    }
    form.client_id = client.clientId;
    form.client_secret = client.clientSecret;
    return {};
  }

  async function post(grant: Grant, form: Record<string, string>, headers: Record<string, string>, signal?: AbortSignal): Promise<TokenSet> {
    const res = await http.send({ method: 'POST', url: endpoints.tokenEndpoint, form, headers, signal, what: 'Signing in' });
    // A client secret was sent, in the header or the form: then invalid_client means the secret is wrong.
    const confidential = headers.authorization !== undefined || form.client_secret !== undefined;
    const skewMs = res.serverDate === undefined ? undefined : res.serverDate - clock.now();
    if (res.status !== 200) throw tokenEndpointFailure({ grant, status: res.status, bodyText: res.text, skewMs, confidential, ctx: context });
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      // Not JSON: json stays undefined, which the schema refuses.
    }
    const parsed = TokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppFailure({ code: 'AUTH_FAILED', message: 'The workspace answered the sign-in with something other than a token.' });
    }
    const t = parsed.data;
    const now = clock.now();
    const expiresAt = t.expires_in !== undefined ? now + t.expires_in * 1000 : jwtExpiry(t.access_token);
    return {
      accessToken: t.access_token,
      expiresAt,
      obtainedAt: now,
      ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
      ...(t.id_token ? { idToken: t.id_token } : {}),
      ...(t.scope ? { scope: t.scope } : {}),
    };
  }

  return {
    exchangeCode({ client, code, verifier, redirectUri, signal }) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri };
      return post('authorization_code', form, authenticate(client, form, false), signal);
    },
    refresh({ client, refreshToken, signal }) {
      const form: Record<string, string> = { grant_type: 'refresh_token', refresh_token: refreshToken };
      return post('refresh_token', form, authenticate(client, form, false), signal);
    },
    clientCredentials({ client, scope, signal }) {
      const form: Record<string, string> = { grant_type: 'client_credentials', scope };
      return post('client_credentials', form, authenticate(client, form, true), signal);
    },
    exchangeToken({ subjectToken, clientId, scope, signal }) {
      // RFC 8693 with no client authentication; client_id only for service-principal federation (reference §3.2).
      const form: Record<string, string> = { grant_type: TOKEN_EXCHANGE_GRANT, subject_token: subjectToken, subject_token_type: JWT_TOKEN_TYPE, scope };
      if (clientId !== undefined) form.client_id = clientId;
      return post('token_exchange', form, {}, signal);
    },
    async revoke({ client, token, hint, signal }) {
      if (!endpoints.revocationEndpoint) return false;
      const form: Record<string, string> = { token, token_type_hint: hint };
      const headers = authenticate(client, form, false);
      const res = await http.send({ method: 'POST', url: endpoints.revocationEndpoint, form, headers, signal, what: 'Revoking the sign-in' });
      if (res.status === 200) return true;
      options.logger.warn('the revocation endpoint refused', { status: res.status });
      return false;
    },
  };
}
