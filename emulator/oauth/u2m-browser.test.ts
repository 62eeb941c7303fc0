import { decodeProtectedHeader, decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start';
import { browserTestsSkipped, launchChromium } from '../testing/chromium';
import { openidFetch } from '../testing/openid-fetch';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';
import { step } from '../testing/error-detail';
import { freePort } from '../testing/free-port';
import { exchangeCode, openAuthorize, signIn } from '../testing/u2m-flow';

const SCOPE = 'all-apis offline_access openid';

/** The one page global the look check uses (tests are type-checked without the DOM lib). */
interface ComputedStyleGlobal {
  getComputedStyle(element: unknown): { readonly backgroundColor: string };
}

interface Sandbox {
  readonly emu: RunningEmulator;
  readonly f: SandboxFetch;
  readonly config: oidc.Configuration;
}

/** What the sandboxes log (internal errors): a test that ends with some fails with them, instead of without a word. */
const sandboxLog: string[] = [];

async function sandbox(revocation: boolean): Promise<Sandbox> {
  // Redirect URIs on ports of its own, not the default 8020–8022: the e2e run, a developer's app or another test may
  // have a loopback listener there, which the browser would then talk to.
  const redirectUris = [`http://localhost:${await freePort()}/callback`, `http://localhost:${await freePort()}/callback`];
  // Single-use refresh tokens, opted in as an app connection can (the rotation test below relies on it).
  const emu = await startEmulator({ oauth: { revocation, redirectUris, singleUseRefreshTokens: true }, catalogSide: null, log: (line) => void sandboxLog.push(line) });
  const f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  const config = await oidc.discovery(new URL(`${emu.workspaceUrl}/oidc/.well-known/oauth-authorization-server`), emu.oauth.u2mClientId, undefined, oidc.None(), {
    [oidc.customFetch]: openidFetch(f.agent),
  });
  return { emu, f, config };
}

describe.skipIf(browserTestsSkipped())('U2M authorization code + PKCE in chromium', () => {
  let browser: Browser;
  let main: Sandbox;
  let withRevocation: Sandbox;
  let session: BrowserContext;
  const user = (prefix: string) => main.emu.users.find((u) => u.userName.startsWith(prefix)) ?? { userName: '', password: '' };
  const redirectUri = () => main.emu.oauth.redirectUris[0] ?? '';
  // The browser trusts the sandbox CA through ignoreHTTPSErrors only; every Node client verifies TLS with the CA.
  const newContext = () => browser.newContext({ ignoreHTTPSErrors: true });

  beforeAll(async () => {
    [browser, main, withRevocation] = await Promise.all([step('launching chromium', launchChromium), step('starting the sandbox', () => sandbox(false)), step('starting the sandbox with revocation', () => sandbox(true))]);
    session = await newContext();
  });
  afterEach(() => {
    expect(sandboxLog.splice(0), 'the sandbox logged internal errors').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of [main, withRevocation]) {
      await s?.f.close();
      await s?.emu.stop();
    }
  });

  let refreshToken = '';

  it('first sign-in: login page, consent page, code, RS256 tokens with a refresh token for offline_access', async () => {
    const pending = await openAuthorize(session, { config: main.config, redirectUri: redirectUri(), scope: SCOPE });
    const requested: string[] = [];
    pending.page.on('request', (r) => requested.push(r.url()));
    const jose = user('jose');
    const look = (name: string) => pending.page.getByRole('button', { name }).evaluate((b) => (globalThis as unknown as ComputedStyleGlobal).getComputedStyle(b).backgroundColor);
    const signInLook = await look('Sign in');
    await signIn(pending.page, jose.userName, jose.password);
    await pending.page.getByRole('heading', { name: /Allow ucbridge desktop/u }).waitFor();
    // The consent page looks like the login page: Allow is its button, Deny the secondary one beside it (one row).
    expect(await look('Allow')).toBe(signInLook);
    expect(await look('Deny')).not.toBe(signInLook);
    const [allow, deny] = await Promise.all(['Allow', 'Deny'].map((name) => pending.page.getByRole('button', { name }).boundingBox()));
    expect(allow?.y).toBe(deny?.y);
    expect(deny!.x).toBeLessThan(allow!.x);
    expect(await pending.page.getByText('(offline_access)').count()).toBe(1);
    await pending.page.getByRole('button', { name: 'Allow' }).click();
    const tokens = await exchangeCode(main.config, pending);
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token: expect.any(String), id_token: expect.any(String) });
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: jose.userName, client_id: main.emu.oauth.u2mClientId, aud: main.emu.workspaceId });
    const me = (await (await main.f('/api/2.0/preview/scim/v2/Me', { token: tokens.access_token })).json()) as { displayName: string };
    expect(me.displayName).toBe('José Núñez');
    refreshToken = tokens.refresh_token ?? '';
    // The pages load nothing from elsewhere (no fonts, CSS or scripts): only the sandbox and the redirect URI.
    expect(requested.filter((u) => !u.startsWith(main.emu.workspaceUrl) && !u.startsWith(redirectUri()))).toEqual([]);
    await pending.page.close();
  });

  it('repeat sign-in in the same browser session is a pure redirect', async () => {
    const pending = await openAuthorize(session, { config: main.config, redirectUri: redirectUri(), scope: SCOPE });
    const tokens = await exchangeCode(main.config, pending);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    await pending.page.close();
  });

  it('a new browser session asks for the password again but not for consent', async () => {
    const fresh = await newContext();
    const pending = await openAuthorize(fresh, { config: main.config, redirectUri: redirectUri(), scope: SCOPE });
    await signIn(pending.page, user('jose').userName, user('jose').password);
    expect((await exchangeCode(main.config, pending)).access_token).toEqual(expect.any(String));
    await fresh.close();
  });

  it('issues no refresh token without offline_access, and serves the @databricks/sql authorize alias', async () => {
    const pending = await openAuthorize(session, { config: main.config, redirectUri: redirectUri(), scope: 'all-apis', path: '/oidc/oauth2/v2.0/authorize' });
    const tokens = await exchangeCode(main.config, pending);
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.access_token).toEqual(expect.any(String));
    await pending.page.close();
  });

  // Reusing a rotated refresh token also revokes its grant (oidc-provider reuse detection), so this runs after the
  // tests that rely on Jose's grant.
  it('rotates refresh tokens; the old one gets Databricks’ "Refresh token is invalid"', async () => {
    const rotated = await oidc.refreshTokenGrant(main.config, refreshToken);
    expect(rotated.refresh_token).toEqual(expect.any(String));
    expect(rotated.refresh_token).not.toBe(refreshToken);
    expect((await main.f('/api/2.0/preview/scim/v2/Me', { token: rotated.access_token })).status).toBe(200);
    await expect(oidc.refreshTokenGrant(main.config, refreshToken)).rejects.toMatchObject({
      status: 401,
      error: 'invalid_request',
      error_description: 'Refresh token is invalid',
    });
    await expect(oidc.refreshTokenGrant(main.config, 'not-a-refresh-token')).rejects.toMatchObject({ error: 'invalid_request' });
  });

  it('signs in at the account level under /oidc/accounts/<id>', async () => {
    const { emu, f } = main;
    const accountBase = `${emu.workspaceUrl}/oidc/accounts/${emu.accountId}`;
    const config = await oidc.discovery(new URL(accountBase), emu.oauth.u2mClientId, undefined, oidc.None(), { [oidc.customFetch]: openidFetch(f.agent) });
    expect(config.serverMetadata().authorization_endpoint).toBe(`${accountBase}/v1/authorize`);
    const ctx = await newContext();
    const pending = await openAuthorize(ctx, { config, redirectUri: redirectUri(), scope: 'all-apis offline_access' });
    const priya = emu.users.find((u) => u.admin);
    await signIn(pending.page, priya?.userName ?? '', priya?.password ?? '');
    await pending.page.getByRole('button', { name: 'Allow' }).click();
    const tokens = await exchangeCode(config, pending);
    expect(decodeJwt(tokens.access_token)).toMatchObject({ iss: accountBase, aud: emu.accountId, sub: priya?.userName });
    expect((await f(`/api/2.0/accounts/${emu.accountId}/scim/v2/Users?count=1`, { token: tokens.access_token })).status).toBe(200);
    expect((await f('/api/2.0/preview/scim/v2/Me', { token: tokens.access_token })).status).toBe(401);
    await ctx.close();
  });

  it('checks the password for real', async () => {
    const ctx = await newContext();
    const pending = await openAuthorize(ctx, { config: main.config, redirectUri: redirectUri(), scope: SCOPE });
    await signIn(pending.page, user('zoe').userName, 'wrong-password');
    await expect(pending.page.getByRole('alert').textContent()).resolves.toContain('Incorrect email or password');
    await signIn(pending.page, user('zoe').userName, user('zoe').password);
    await pending.page.getByRole('button', { name: 'Allow' }).click();
    expect(await pending.callback).toBeInstanceOf(URL);
    await ctx.close();
  });

  it('denied consent sends access_denied to the redirect URI', async () => {
    const ctx = await newContext();
    const pending = await openAuthorize(ctx, { config: main.config, redirectUri: redirectUri(), scope: SCOPE });
    await signIn(pending.page, user('li.').userName, user('li.').password);
    await pending.page.getByRole('button', { name: 'Deny' }).click();
    const callback = await pending.callback;
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(pending.state);
    await ctx.close();
  });

  it('shows a redirect URI that differs only by port as JSON in the browser, without redirecting', async () => {
    const registered = main.emu.oauth.redirectUris;
    const port = Number(new URL(redirectUri()).port);
    const wrong = [1, 2, 3].map((d) => `http://localhost:${port > 60000 ? port - d : port + d}/callback`).find((u) => !registered.includes(u)) ?? '';
    const pending = await openAuthorize(session, { config: main.config, redirectUri: wrong, scope: SCOPE });
    expect(JSON.parse((await pending.page.textContent('body')) ?? '')).toEqual({
      error: 'invalid_request',
      error_description: `redirect_uri '${wrong}' not registered for OAuth application '${main.emu.oauth.u2mClientId}'`,
    });
    const unknownClient = await openAuthorize(session, { config: main.config, redirectUri: redirectUri(), scope: SCOPE, extra: { client_id: 'nobody' } });
    expect(JSON.parse((await unknownClient.page.textContent('body')) ?? '').error).toBe('invalid_request');
  });

  it('requires PKCE S256', async () => {
    const plain = await openAuthorize(session, { config: main.config, redirectUri: redirectUri(), scope: SCOPE, extra: { code_challenge_method: 'plain' } });
    expect((await plain.callback).searchParams.get('error')).toBe('invalid_request');
  });

  it('with the revocation flag: advertises the endpoint and a revoked refresh token stops working', async () => {
    const { config, emu } = withRevocation;
    expect(config.serverMetadata().revocation_endpoint).toBe(`${emu.workspaceUrl}/oidc/v1/revoke`);
    const ctx = await newContext();
    const pending = await openAuthorize(ctx, { config, redirectUri: emu.oauth.redirectUris[1] ?? '', scope: SCOPE });
    const marcus = emu.users.find((u) => u.userName.startsWith('marcus'));
    await signIn(pending.page, marcus?.userName ?? '', marcus?.password ?? '');
    await pending.page.getByRole('button', { name: 'Allow' }).click();
    const tokens = await exchangeCode(config, pending);
    await oidc.tokenRevocation(config, tokens.refresh_token ?? '');
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_request', error_description: 'Refresh token is invalid' });
    await ctx.close();
  });
});
