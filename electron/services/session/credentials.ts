import { authFailure, type AuthFailureContext } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { HttpClient } from '../http/http-client';
import { discoverEndpoints, type OAuthEndpoints } from '../oauth/discovery';
import { readSubjectToken } from '../oauth/subject-token';
import { createTokenClient, type TokenClient, type TokenSet } from '../oauth/token-client';
import type { VaultSecrets } from '../vault/secret-vault';
import type { ResolvedMethod } from './resolve-target';

/** `all-apis` covers REST and SQL; it is "the only allowed scope for M2M" (`@databricks/sql`; reference §3.1). */
export const M2M_SCOPE = 'all-apis';

/** OAuth discovery once per session, then a token client on the discovered endpoints. */
export interface OAuthKit {
  endpoints(signal?: AbortSignal): Promise<OAuthEndpoints>;
  client(signal?: AbortSignal): Promise<TokenClient>;
}

export function createOAuthKit(o: {
  readonly http: HttpClient;
  readonly origin: string;
  readonly accountId?: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly context: AuthFailureContext;
}): OAuthKit {
  let discovered: Promise<OAuthEndpoints> | undefined;
  const endpoints = (signal?: AbortSignal) => {
    discovered ??= discoverEndpoints(o.http, { origin: o.origin, ...(o.accountId ? { accountId: o.accountId } : {}) }, signal);
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };
  return {
    endpoints,
    async client(signal) {
      return createTokenClient({ http: o.http, endpoints: await endpoints(signal), clock: o.clock, logger: o.logger, context: o.context });
    },
  };
}

/**
 * How a method gets its next token set without the user: refresh token (U2M), client credentials again (M2M;
 * no refresh token is issued, reference §3.1), a fresh token exchange (federation). A PAT cannot renew.
 */
export function renewerFor(m: ResolvedMethod, kit: OAuthKit, clock: Clock, savedRefreshToken?: string): ((current: TokenSet | undefined) => Promise<TokenSet>) | undefined {
  switch (m.method) {
    case 'oauth-u2m':
      return async (current) => {
        const refreshToken = current?.refreshToken ?? savedRefreshToken;
        if (!refreshToken) throw new AppFailure(authFailure('signin-required'));
        const client = { clientId: m.clientId, ...(m.clientSecret ? { clientSecret: m.clientSecret } : {}) };
        const next = await (await kit.client()).refresh({ client, refreshToken });
        // A server that does not rotate keeps the old refresh token valid (Go SDK behaviour, reference §2.6).
        return next.refreshToken ? next : { ...next, refreshToken };
      };
    case 'oauth-m2m':
      return async () => (await kit.client()).clientCredentials({ client: { clientId: m.clientId, clientSecret: m.clientSecret }, scope: M2M_SCOPE });
    case 'token-federation':
      return async () => {
        const subjectToken = await readSubjectToken(m.source, clock.now());
        return (await kit.client()).exchangeToken({ subjectToken, scope: M2M_SCOPE, ...(m.clientId ? { clientId: m.clientId } : {}) });
      };
    case 'pat':
      return undefined;
  }
}

/** What goes into the vault for a method: the long-lived secret, never an access token. */
export function vaultSecretsFor(m: ResolvedMethod, tokens: TokenSet | undefined): VaultSecrets {
  switch (m.method) {
    case 'oauth-u2m':
      return { ...(tokens?.refreshToken ? { refreshToken: tokens.refreshToken } : {}), ...(m.clientSecret ? { clientSecret: m.clientSecret } : {}) };
    case 'oauth-m2m':
      return { clientSecret: m.clientSecret };
    case 'token-federation':
      return {};
    case 'pat':
      return { pat: m.token };
  }
}
