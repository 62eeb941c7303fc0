import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { createLogger } from '../../logging';
import { createFileBlobStore, createMemoryKeyCipher } from '../../node';
import { createSecretVault } from '../vault/secret-vault';
import { vaultKey } from './session-record';
import { freePort } from '../oauth/loopback.test-support';
import { createFormBrowser } from './form-browser.test-support';
import { allFileText, fetchToken, offsetClock, sandboxSecrets, testSession } from './session.test-support';
import { failureOf as failure } from '../../../test/failure-of';

/** OAuth U2M end to end against the sandbox (its real oidc-provider, login and consent pages). */
let emulator: RunningEmulator;
let redirectUris: string[];
const dirs: string[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  redirectUris = [`http://localhost:${await freePort()}/callback`, `http://localhost:${await freePort()}/callback`];
  // These tests follow rotation: the app connection opts in to single-use refresh tokens (off by default).
  emulator = await startEmulator({ catalogSide: null, oauth: { redirectUris, singleUseRefreshTokens: true }, log: () => undefined });
});
afterAll(async () => {
  await emulator.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const newDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'ucbridge-u2m-'));
  dirs.push(d);
  return d;
};
const admin = () => emulator.users.find((u) => u.admin)!;
const analyst = () => emulator.users.find((u) => !u.admin)!;
let n = 0;
const taskId = () => `signin-u2m-${++n}-abcdef`;
const tokenPosts = () => emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length;

describe('U2M sign-in against the sandbox', () => {
  it('signs in through the login and consent pages, shows who, and keeps every secret off disk in plain text', async () => {
    const dir = await newDir();
    const user = admin();
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const cipher = createMemoryKeyCipher();
    const t = await testSession({ dir, emulator, browser, cipher });
    const mark = emulator.requestLog.mark();
    const state = await t.service.signIn({ taskId: taskId(), workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    await browser.done();
    expect(state).toMatchObject({
      workspace: { url: emulator.workspaceUrl, kind: 'sandbox', workspaceId: emulator.workspaceId },
      identity: { kind: 'user', userName: user.userName, displayName: user.displayName, admin: true },
      authMethod: 'oauth-u2m',
      token: { state: 'valid' },
      persistence: 'keychain',
    });
    expect(state.identity?.groups).toEqual(expect.arrayContaining(['admins']));
    expect(state.token.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(t.progress.map((p) => (p as { phase: string }).phase)).toEqual(['discovering', 'waiting-for-browser', 'exchanging-code', 'identifying']);
    expect(t.progress[1]).toMatchObject({ redirectUri: redirectUris[0], browserOpened: true, authorizeUrl: expect.stringContaining('code_challenge_method=S256') });

    // The authorize, login and consent pages are the browser's requests, not the app's.
    const appRequests = emulator.requestLog.entries({ after: mark }).filter((e) => !/^\/oidc\/(?:v1\/authorize|interaction)/.test(e.path));
    expect(appRequests.length).toBeGreaterThanOrEqual(4);
    for (const e of appRequests) expect(e.userAgent, `${e.method} ${e.path}`).toBe(PARTNER_USER_AGENT);

    await t.logger.flush();
    const files = await allFileText(dir);
    for (const { path, text } of files) {
      for (const secret of sandboxSecrets(emulator)) expect(text.includes(secret), path).toBe(false);
      expect(/eyJ[\w-]{8,}\.[\w-]{8,}\./.test(text), `JWT in ${path}`).toBe(false);
    }
  });

  it('persists the refresh token encrypted, restores the session after a restart, and saves each rotated refresh token', async () => {
    const dir = await newDir();
    const user = analyst();
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const cipher = createMemoryKeyCipher();
    const clock = offsetClock();
    const first = await testSession({ dir, emulator, browser, cipher, clock });
    // The sandbox's CA is trusted only for the running sandbox's own address: another loopback address (an old
    // run's, from the recent list) is refused with the reason — the sandbox moved — not as a network problem.
    const port = Number(new URL(emulator.workspaceUrl).port);
    const stale = await failure(
      first.service.signIn({ taskId: taskId(), workspace: { kind: 'url', url: `https://127.0.0.1:${port === 1 ? 2 : port - 1}` }, auth: { method: 'oauth-u2m', clientId: emulator.oauth.u2mClientId, redirectUris }, useProfileSecret: false }),
    );
    expect(stale).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`it now runs at ${emulator.workspaceUrl}`) });

    await first.service.signIn({ taskId: taskId(), workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    const secretFiles = await readdir(join(dir, 'secrets'));
    expect(secretFiles).toHaveLength(1);
    await first.service.dispose();

    // "Restart": a new service over the same directory and keychain key restores the session; the first call
    // refreshes from the saved refresh token (rotating it) and works.
    const vault = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger: createLogger({ level: 'error' }) });
    const savedBefore = (await vault.get(vaultKey(emulator.workspaceUrl)))?.refreshToken;
    expect(savedBefore).toBeTruthy();
    const second = await testSession({ dir, emulator, browser, cipher, clock });
    expect(await second.service.state()).toMatchObject({ identity: { userName: user.userName }, token: { state: 'expired' } });
    const before = tokenPosts();
    const me = await second.service.requireConnection().rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: z.object({ userName: z.string() }) });
    expect(me.userName).toBe(user.userName);
    expect(tokenPosts() - before).toBe(1);
    expect((await second.service.state()).token.state).toBe('valid');
    const fresh = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger: createLogger({ level: 'error' }) });
    const savedAfter = (await fresh.get(vaultKey(emulator.workspaceUrl)))?.refreshToken;
    expect(savedAfter).toBeTruthy();
    expect(savedAfter).not.toBe(savedBefore);
    // The spent refresh token is dead on the server (single-use rotation, reference databricks-oauth.md §2.6).
    const reuse = await fetchToken(emulator, { grant_type: 'refresh_token', refresh_token: savedBefore!, client_id: emulator.oauth.u2mClientId });
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ error: 'invalid_request', error_description: 'Refresh token is invalid' });

    // A restart with another keychain key (another OS user, a reset keyring) cannot decrypt: sign in again.
    await second.service.dispose();
    const third = await testSession({ dir, emulator, browser, cipher: createMemoryKeyCipher(), clock });
    expect((await third.service.state()).token.state).toBe('signin-required');
    await third.service.dispose();
  });

  it('refreshes with rotation before expiry, saving the new refresh token first; 100 concurrent calls cause one refresh', async () => {
    const dir = await newDir();
    const user = analyst();
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const clock = offsetClock();
    const t = await testSession({ dir, emulator, browser, clock });
    await t.service.signIn({ taskId: taskId(), workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    const conn = t.service.requireConnection();
    const Me = z.object({ userName: z.string() });
    const before = tokenPosts();
    clock.advance(HOUR - 4 * 60_000);
    const answers = await Promise.all(Array.from({ length: 100 }, () => conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me })));
    expect(new Set(answers.map((a) => a.userName))).toEqual(new Set([user.userName]));
    expect(tokenPosts() - before).toBe(1);
    expect((await t.service.state()).token.state).toBe('valid');

    // Again, mid-operation: a long loop of calls crosses the expiry once and refreshes once.
    const mid = tokenPosts();
    for (let i = 0; i < 20; i++) {
      if (i === 10) clock.advance(HOUR);
      await conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me });
    }
    expect(tokenPosts() - mid).toBe(1);
  });

  it('a revoked grant ends in "sign in again" without a retry loop', async () => {
    const dir = await newDir();
    const user = analyst();
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const clock = offsetClock();
    const t = await testSession({ dir, emulator, browser, clock });
    await t.service.signIn({ taskId: taskId(), workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    const conn = t.service.requireConnection();
    emulator.faults.revokeAllTokens();
    const before = tokenPosts();
    const Me = z.object({ userName: z.string() });
    const errors = await Promise.all(Array.from({ length: 5 }, () => failure(conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me }))));
    expect(errors.every((e) => e.code === 'AUTH_REQUIRED')).toBe(true);
    expect(tokenPosts() - before).toBe(1);
    expect((await t.service.state()).token.state).toBe('signin-required');
    expect(() => t.service.requireConnection()).toThrow(/expired or was revoked/);
    await failure(conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me }));
    expect(tokenPosts() - before).toBe(1);
  });

  it('denied consent fails with plain copy and the listener closes', async () => {
    const dir = await newDir();
    const user = analyst();
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'deny' });
    const t = await testSession({ dir, emulator, browser });
    const error = await failure(t.service.signIn({ taskId: taskId(), workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false }));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: 'Sign-in was declined in the browser.' });
    expect((await t.service.state()).workspace).toBeNull();
    expect(await readdir(dir)).not.toContain('secrets');
  });
});
