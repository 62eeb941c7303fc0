import * as oidc from 'openid-client';
import type { BrowserContext, Page } from 'playwright-core';

export interface AuthorizeRequest {
  readonly config: oidc.Configuration;
  readonly redirectUri: string;
  readonly scope: string;
  /** Extra or overriding authorize parameters (e.g. a wrong redirect_uri). */
  readonly extra?: Readonly<Record<string, string>>;
  /** Replace the authorize endpoint's path (e.g. the `/oidc/oauth2/v2.0/authorize` alias). */
  readonly path?: string;
}

export interface PendingAuthorization {
  readonly page: Page;
  readonly verifier: string;
  readonly state: string;
  /** Resolves with the URL the server redirected the browser to, when it goes to the redirect URI. */
  readonly callback: Promise<URL>;
}

/** Opens the authorize URL (PKCE S256, random state) in a new page and watches for the redirect to the client. */
export async function openAuthorize(context: BrowserContext, r: AuthorizeRequest): Promise<PendingAuthorization> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(r.config, {
    redirect_uri: r.redirectUri,
    scope: r.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...r.extra,
  });
  if (r.path) url.pathname = r.path;
  const page = await context.newPage();
  // Nothing listens on the redirect URI: the test reads the URL the browser is sent to, which carries the result.
  const callback = new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no redirect to ${r.redirectUri} within 10 s`)), 10_000);
    page.on('request', (req) => {
      if (!req.url().startsWith(r.redirectUri.split('?')[0] ?? '')) return;
      clearTimeout(timer);
      resolve(new URL(req.url()));
    });
  });
  callback.catch(() => undefined); // observed by whoever awaits it
  await page.goto(url.href).catch(() => undefined);
  return { page, verifier, state, callback };
}

export async function signIn(page: Page, userName: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function exchangeCode(config: oidc.Configuration, pending: PendingAuthorization): Promise<oidc.TokenEndpointResponse> {
  const callback = await pending.callback;
  return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: pending.state });
}
