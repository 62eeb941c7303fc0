import type { SignInPhase } from '../../../shared/contract/auth';
import { authFailure, type AuthFailureContext } from '../../../shared/domain/auth-failures';
import { DEFAULT_U2M_SCOPES } from '../../../shared/domain/oauth-client';
import { AppFailure } from '../../../shared/result';
import type { BrowserOpener, Clock, Logger } from '../../ports';
import type { ExternalUrlAllowList } from '../../window-policy/external-urls';
import { createRestClient } from '../connection/rest-client';
import type { IdentityInfo, WorkspaceInfo } from '../connection/types';
import { createHttpClient, type HttpClient } from '../http/http-client';
import type { RetryPolicy } from '../http/retry-policy';
import { createTlsTrust, type TlsTrust } from '../http/tls-trust';
import type { TokenSet } from '../oauth/token-client';
import { runU2mFlow, type BrowserWait } from '../oauth/u2m-flow';
import { createTokenSource } from '../vault/token-source';
import { createOAuthKit, renewerFor, type OAuthKit } from './credentials';
import { fetchHostMetadata, fetchIdentity, identityFromAccessToken } from './identity';
import type { ResolvedTarget } from './resolve-target';

export interface EstablishDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly browser: BrowserOpener;
  /** Main registers the authorize endpoint here for the duration of a sign-in, so the opener will accept it. */
  readonly externalUrls?: ExternalUrlAllowList;
  readonly retry?: RetryPolicy;
  readonly signInTimeoutMs?: number;
  readonly onPhase: (phase: SignInPhase, wait?: BrowserWait) => void;
}

export interface Established {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly http: HttpClient;
  readonly trust: TlsTrust;
  readonly kit: OAuthKit | undefined;
  readonly initial: TokenSet;
  readonly renew: ((current: TokenSet | undefined) => Promise<TokenSet>) | undefined;
}

/** Wraps the opener so the authorize URL is on the external-URL allow-list exactly while it is being opened. */
function registeringOpener(browser: BrowserOpener, allowList: ExternalUrlAllowList | undefined): BrowserOpener & { release(): void } {
  const releases: (() => void)[] = [];
  return {
    async open(url) {
      if (allowList) releases.push(allowList.allow(url));
      await browser.open(url);
    },
    release: () => releases.splice(0).forEach((r) => r()),
  };
}

/** Sign-in proper: discovery, the method's grant, then who we are. Nothing is saved here. */
export async function establish(target: ResolvedTarget, deps: EstablishDeps, signal: AbortSignal): Promise<Established> {
  const { clock, logger } = deps;
  const trust = createTlsTrust(target.sandbox?.caPem);
  const http = createHttpClient({ trust, clock, logger: logger.child('http'), ...(deps.retry ? { retry: deps.retry } : {}) });
  const m = target.auth;
  const context: AuthFailureContext = {
    host: target.address.host,
    ...(m.method === 'oauth-u2m' ? { clientId: m.clientId, redirectUris: m.redirectUris.map((u) => u.uri) } : {}),
  };
  try {
    const kit =
      m.method === 'pat'
        ? undefined
        : createOAuthKit({ http, origin: target.address.url, clock, logger: logger.child('oauth'), context, ...(target.accountId ? { accountId: target.accountId } : {}) });
    const renew = kit ? renewerFor(m, kit, clock) : undefined;
    let initial: TokenSet;
    if (kit) {
      deps.onPhase('discovering');
      const endpoints = await kit.endpoints(signal);
      if (m.method === 'oauth-u2m') {
        const opener = registeringOpener(deps.browser, deps.externalUrls);
        try {
          initial = await runU2mFlow({
            endpoints,
            tokens: await kit.client(signal),
            client: { clientId: m.clientId, ...(m.clientSecret ? { clientSecret: m.clientSecret } : {}) },
            redirectUris: m.redirectUris,
            scopes: DEFAULT_U2M_SCOPES,
            browser: opener,
            clock,
            logger: logger.child('u2m'),
            signal,
            context,
            ...(deps.signInTimeoutMs ? { timeoutMs: deps.signInTimeoutMs } : {}),
            onWaiting: (wait) => deps.onPhase('waiting-for-browser', wait),
            onExchanging: () => deps.onPhase('exchanging-code'),
          });
        } finally {
          opener.release();
        }
      } else {
        deps.onPhase('requesting-token');
        initial = await renew!(undefined);
      }
    } else {
      if (m.method !== 'pat') throw new Error('unreachable');
      initial = { accessToken: m.token, expiresAt: undefined };
    }

    deps.onPhase('identifying');
    const probe = createTokenSource({ clock, logger, initial, renew, persist: async () => undefined, onChange: () => undefined });
    const rest = createRestClient({ origin: target.address.url, http, tokens: probe, logger });
    // Account-level sign-in (an account console, or the sandbox with its account id): no workspace SCIM to ask.
    const account = target.address.kind === 'account' || target.accountId !== undefined;
    const [identity, meta] = await Promise.all([
      account
        ? identityFromAccessToken(initial.accessToken)
        : fetchIdentity(rest, signal).catch((e: unknown) => {
            if (e instanceof AppFailure && e.error.code === 'AUTH_REQUIRED') throw new AppFailure(authFailure('unauthorized', context));
            if (e instanceof AppFailure && e.error.code === 'FORBIDDEN') throw new AppFailure(authFailure('forbidden', context));
            throw e;
          }),
      account ? Promise.resolve<{ workspaceId?: string }>({}) : fetchHostMetadata(http, target.address.url, signal),
    ]);
    const workspace: WorkspaceInfo = {
      url: target.address.url,
      host: target.address.host,
      kind: target.address.kind,
      label: target.label,
      ...(meta.workspaceId ? { workspaceId: meta.workspaceId } : {}),
      ...(target.accountId ? { accountId: target.accountId } : {}),
    };
    return { workspace, identity, http, trust, kit, initial, renew };
  } catch (e) {
    await trust.close();
    throw e;
  }
}
