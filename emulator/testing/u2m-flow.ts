import * as oidc from 'openid-client';
import type { BrowserContext, Page } from 'playwright-core';
import { step } from './error-detail';

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
  /**
   * Resolves with the URL the server redirected the browser to, when it goes to the redirect URI; rejects, saying
   * where the page was, if the page closes or crashes first. No clock: a slow machine is not a failure.
   */
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
  const page = await step('opening a browser page', () => context.newPage());
  // The test reads the URL the browser is sent to, which carries the result; whatever listens there (usually
  // nothing: the navigation then fails, which is expected) does not matter.
  let navigation = 'not started';
  const callback = new Promise<URL>((resolve, reject) => {
    const target = r.redirectUri.split('?')[0] ?? '';
    page.on('request', (req) => {
      if (req.url().startsWith(target)) resolve(new URL(req.url()));
    });
    const gone = (how: string) => () => reject(new Error(`the browser page ${how} before it was redirected to ${target} (last at ${page.url()}; navigation: ${navigation})`));
    page.once('close', gone('closed'));
    page.once('crash', gone('crashed'));
  });
  callback.catch(() => undefined); // observed by whoever awaits it
  await page.goto(url.href).then(
    () => void (navigation = 'loaded'),
    (e: unknown) => void (navigation = `ended with ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`),
  );
  return { page, verifier, state, callback };
}

export async function signIn(page: Page, userName: string, password: string): Promise<void> {
  await step(`signing in as ${userName} on the sandbox login page (${page.url()})`, async () => {
    await page.getByLabel('Email').fill(userName);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });
}

export async function exchangeCode(config: oidc.Configuration, pending: PendingAuthorization): Promise<oidc.TokenEndpointResponse> {
  const callback = await step('waiting for the redirect to the client', () => pending.callback);
  return step(`exchanging the code from ${callback.origin}${callback.pathname}`, () =>
    oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: pending.state }),
  );
}
