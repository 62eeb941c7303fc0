import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { createLogger } from '../../logging';
import { createFileBlobStore, createMemoryKeyCipher } from '../../node';
import { freePort } from '../oauth/loopback.test-support';
import { createSecretVault } from '../vault/secret-vault';
import { createFormBrowser } from './form-browser.test-support';
import { vaultKey } from './session-record';
import { fetchToken, offsetClock, testSession } from './session.test-support';

/**
 * Refresh tokens of an app connection that has not opted in to single-use refresh tokens: "For most other published
 * apps and custom OAuth integrations, use the Databricks API to enable this feature"
 * (https://docs.databricks.com/aws/en/integrations/single-use-tokens), so by default a refresh token is multi-use.
 * The page does not say what a refresh answers then; the sandbox sends no new refresh token, and the app keeps the
 * one it stored.
 */
let emulator: RunningEmulator;
let dir: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: null, oauth: { redirectUris: [`http://localhost:${await freePort()}/callback`] }, log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-multi-use-'));
});
afterAll(async () => {
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('multi-use refresh tokens (the default for an app connection)', () => {
  it('refreshes without a new refresh token: the stored one is kept, stays valid and refreshes again', async () => {
    const user = emulator.users.find((u) => !u.admin)!;
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const cipher = createMemoryKeyCipher();
    const clock = offsetClock();
    const t = await testSession({ dir, emulator, browser, cipher, clock });
    await t.service.signIn({ taskId: 'signin-multi-use-1', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    await browser.done();
    const stored = async () => (await createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger: createLogger({ level: 'error' }) }).get(vaultKey(emulator.workspaceUrl)))?.refreshToken;
    const first = await stored();
    expect(first).toBeTruthy();

    // The sandbox's answer to a refresh: a new access token and no refresh token; the old one still works.
    const raw = await fetchToken(emulator, { grant_type: 'refresh_token', refresh_token: first!, client_id: emulator.oauth.u2mClientId });
    expect(raw.status).toBe(200);
    expect(raw.body).toMatchObject({ access_token: expect.any(String) });
    expect(raw.body).not.toHaveProperty('refresh_token');

    const conn = t.service.requireConnection();
    const Me = z.object({ userName: z.string() });
    const posts = () => emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length;
    const before = posts();
    for (const hours of [1, 2]) {
      clock.advance(hours * HOUR);
      expect((await conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me })).userName).toBe(user.userName);
      expect(await stored()).toBe(first);
    }
    expect(posts() - before).toBe(2);
    expect((await t.service.state()).token.state).toBe('valid');
    await t.service.dispose();
  });
});
