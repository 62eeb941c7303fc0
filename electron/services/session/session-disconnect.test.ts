import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { createLogger } from '../../logging';
import { createFileBlobStore, createMemoryKeyCipher } from '../../node';
import { createSecretVault } from '../vault/secret-vault';
import { freePort } from '../oauth/loopback.test-support';
import { createFormBrowser } from './form-browser.test-support';
import { fetchToken, testSession } from './session.test-support';
import { vaultKey } from './session-record';

/** A sandbox that advertises RFC 7009 revocation (Databricks documents none; the default sandbox has none). */
let emulator: RunningEmulator;
const dirs: string[] = [];

beforeAll(async () => {
  const redirectUris = [`http://localhost:${await freePort()}/callback`];
  emulator = await startEmulator({ catalogSide: null, oauth: { redirectUris, revocation: true }, log: () => undefined });
});
afterAll(async () => {
  await emulator.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('disconnect with revocation advertised', () => {
  it('revokes the refresh token on the server, then forgets everything locally', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucbridge-revoke-'));
    dirs.push(dir);
    const user = emulator.users[0]!;
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
    const cipher = createMemoryKeyCipher();
    const t = await testSession({ dir, emulator, browser, cipher });
    await t.service.signIn({ taskId: 'signin-revoke-1', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
    const vault = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger: createLogger({ level: 'error' }) });
    const refreshToken = (await vault.get(vaultKey(emulator.workspaceUrl)))?.refreshToken;
    expect(refreshToken).toBeTruthy();

    const result = await t.service.disconnect({ uninstall: false });
    expect(result).toEqual({ revoked: true, manualRevocationSteps: [] });
    expect(emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/revoke' })).toHaveLength(1);
    const after = await fetchToken(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken!, client_id: emulator.oauth.u2mClientId });
    expect(after.status).toBe(401);
    const reopened = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger: createLogger({ level: 'error' }) });
    expect(await reopened.get(vaultKey(emulator.workspaceUrl))).toBeUndefined();
    expect(t.changes.at(-1)).toMatchObject({ workspace: null, token: { state: 'none' } });
  });

  it('without revocation (the Databricks default) it says exactly where to revoke', async () => {
    const other = await startEmulator({ catalogSide: null, oauth: { redirectUris: [`http://localhost:${await freePort()}/callback`] }, log: () => undefined });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'ucbridge-norevoke-'));
      dirs.push(dir);
      const user = other.users[0]!;
      const browser = createFormBrowser({ caPem: other.caCertPem, userName: user.userName, password: user.password, consent: 'allow' });
      const t = await testSession({ dir, emulator: other, browser });
      await t.service.signIn({ taskId: 'signin-revoke-2', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-u2m' }, useProfileSecret: false });
      const result = await t.service.disconnect({ uninstall: false });
      expect(result.revoked).toBe(false);
      expect(result.manualRevocationSteps.join(' ')).toContain(`app connection with client id ${other.oauth.u2mClientId}`);
    } finally {
      await other.stop();
    }
  });
});
