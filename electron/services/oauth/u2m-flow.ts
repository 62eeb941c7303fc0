import { authFailure, type AuthFailureContext } from '../../../shared/domain/auth-failures';
import type { RedirectUri } from '../../../shared/domain/oauth-client';
import { AppFailure } from '../../../shared/result';
import type { BrowserOpener, Clock, Logger } from '../../ports';
import { buildAuthorizeUrl } from './authorize-url';
import type { OAuthEndpoints } from './discovery';
import { checkIdToken } from './id-token';
import { startLoopbackListener } from './loopback-listener';
import { createPkce, randomToken } from './pkce';
import type { OAuthClientCredentials, TokenClient, TokenSet } from './token-client';

export interface BrowserWait {
  readonly authorizeUrl: string;
  readonly redirectUri: string;
  readonly deadline: number;
  readonly browserOpened: boolean;
}

export interface U2mFlowOptions {
  readonly endpoints: OAuthEndpoints;
  readonly tokens: TokenClient;
  readonly client: OAuthClientCredentials;
  readonly redirectUris: readonly RedirectUri[];
  readonly scopes: readonly string[];
  readonly browser: BrowserOpener;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly context: AuthFailureContext;
  /** Called once the listener is up and the browser was asked to open the page. */
  readonly onWaiting?: (wait: BrowserWait) => void;
  readonly onExchanging?: () => void;
}

/**
 * OAuth U2M for a desktop app (RFC 8252 + PKCE S256; reference electron-architecture-security-testing.md §5.3):
 * listener first, then the system browser, exactly one callback, the code exchanged here in main.
 */
export async function runU2mFlow(o: U2mFlowOptions): Promise<TokenSet> {
  const pkce = createPkce();
  const state = randomToken();
  const nonce = o.scopes.includes('openid') ? randomToken() : undefined;
  const listener = await startLoopbackListener({
    redirectUris: o.redirectUris,
    state,
    expectedIssuer: o.endpoints.issuer,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    clock: o.clock,
    logger: o.logger,
    context: o.context,
  });
  try {
    const authorizeUrl = buildAuthorizeUrl({
      authorizationEndpoint: o.endpoints.authorizationEndpoint,
      clientId: o.client.clientId,
      redirectUri: listener.redirectUri.uri,
      scopes: o.scopes,
      state,
      codeChallenge: pkce.challenge,
      ...(nonce ? { nonce } : {}),
    });
    // A browser that fails to open is not fatal: the user can open the link by hand (the Databricks CLI prints it).
    const browserOpened = await o.browser.open(authorizeUrl).then(
      () => true,
      (error: unknown) => {
        o.logger.warn('could not open the system browser', { error });
        return false;
      },
    );
    o.onWaiting?.({ authorizeUrl, redirectUri: listener.redirectUri.uri, deadline: listener.deadline, browserOpened });
    const code = await listener.code;
    o.onExchanging?.();
    try {
      const tokens = await o.tokens.exchangeCode({ client: o.client, code, verifier: pkce.verifier, redirectUri: listener.redirectUri.uri, signal: o.signal });
      if (nonce) {
        const host = o.context.host ?? '';
        if (!tokens.idToken) throw new AppFailure(authFailure('code-rejected', { host, detail: 'openid was requested but no ID token came back' }));
        checkIdToken(tokens.idToken, { nonce, clientId: o.client.clientId, issuer: o.endpoints.issuer, now: o.clock.now(), host });
      }
      listener.complete();
      return tokens;
    } catch (e) {
      listener.complete(e instanceof AppFailure ? e.error : { code: 'INTERNAL', message: 'Sign-in failed inside ucbridge.' });
      throw e;
    }
  } finally {
    listener.close();
  }
}
