import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { createBasicTextCipher } from '../../node';
import type { BrowserOpener } from '../../ports';
import { allFileText, sandboxSecrets, testSession } from './session.test-support';
import { failureOf as failure } from '../../../test/failure-of';

/** M2M, token federation and PAT against the sandbox; profiles; disconnect without revocation; basic_text. */
let emulator: RunningEmulator;
const dirs: string[] = [];
const noBrowser: BrowserOpener = { open: async () => undefined };
let n = 0;
const taskId = () => `signin-method-${++n}-abc`;

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: null, log: () => undefined });
});
afterAll(async () => {
  await emulator.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function session(extra: Partial<Parameters<typeof testSession>[0]> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'ucbridge-methods-'));
  dirs.push(dir);
  return { dir, ...(await testSession({ dir, emulator, browser: noBrowser, ...extra })) };
}

const sandbox = { kind: 'sandbox' } as const;
const sp = () => emulator.servicePrincipals.find((s) => s.admin)!;
const user = () => emulator.users.find((u) => !u.admin)!;

describe('M2M (client credentials)', () => {
  it('signs in as the service principal and shows it as such', async () => {
    const { service } = await session();
    const state = await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: sp().clientSecret }, useProfileSecret: false });
    expect(state).toMatchObject({ authMethod: 'oauth-m2m', identity: { kind: 'service-principal', userName: sp().applicationId, displayName: sp().displayName, admin: true } });
  });

  it('signs in at account level with the account id (account OIDC endpoints)', async () => {
    const { service } = await session();
    const mark = emulator.requestLog.mark();
    const state = await service.signIn({
      taskId: taskId(),
      workspace: sandbox,
      auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: sp().clientSecret, accountId: emulator.accountId.toUpperCase() },
      useProfileSecret: false,
    });
    expect(state).toMatchObject({ workspace: { accountId: emulator.accountId }, identity: { kind: 'service-principal', userName: sp().applicationId } });
    expect(emulator.requestLog.entries({ after: mark, pathPrefix: `/oidc/accounts/${emulator.accountId}/` }).length).toBeGreaterThanOrEqual(2);
  });

  it('a wrong secret fails with one plain line, never echoing the secret', async () => {
    const { service } = await session();
    const wrong = 'dose-wrong-secret-0123456789abcdef0123456789';
    const error = await failure(service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: wrong }, useProfileSecret: false }));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('client id or client secret was refused') });
    expect(JSON.stringify(error)).not.toContain(wrong);
  });

  it('re-authenticates with the same method and workspace, and disconnect says where to revoke the secret', async () => {
    const { service, dir } = await session();
    await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: sp().clientSecret }, useProfileSecret: false });
    const again = await service.reauthenticate({ taskId: taskId() });
    expect(again).toMatchObject({ workspace: { url: emulator.workspaceUrl }, identity: { userName: sp().applicationId } });
    const result = await service.disconnect({ uninstall: false });
    expect(result.revoked).toBe(false);
    expect(result.manualRevocationSteps.join(' ')).toContain(`Service principals → ${sp().applicationId} → Secrets`);
    expect(await service.state()).toMatchObject({ workspace: null, token: { state: 'none' } });
    expect(() => service.requireConnection()).toThrow(/not connected/);
    expect(await readdir(join(dir, 'secrets'))).toEqual([]);
  });
});

describe('token federation (RFC 8693)', () => {
  it('exchanges an account-wide IdP token read from a file', async () => {
    const { service, dir } = await session();
    const jwt = await emulator.federation.testIdp.mint({ sub: user().userName, aud: emulator.accountId });
    const path = join(dir, 'idp-token.jwt');
    await writeFile(path, `${jwt}\n`);
    const state = await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'token-federation', source: { kind: 'file', path } }, useProfileSecret: false });
    expect(state).toMatchObject({ authMethod: 'token-federation', identity: { kind: 'user', userName: user().userName } });
  });

  it('exchanges a service-principal (workload identity) token read from an environment variable', async () => {
    const { service } = await session();
    const policy = emulator.federation.policies.add({
      issuer: emulator.federation.testIdp.issuer,
      audiences: [emulator.accountId],
      jwks: emulator.federation.testIdp.jwks,
      servicePrincipal: { applicationId: sp().applicationId, subject: 'repo:lakeside/governance:ref:refs/heads/main' },
    });
    try {
      process.env.UCBRIDGE_TEST_IDP_TOKEN = await emulator.federation.testIdp.mint({ sub: 'repo:lakeside/governance:ref:refs/heads/main', aud: emulator.accountId });
      const state = await service.signIn({
        taskId: taskId(),
        workspace: sandbox,
        auth: { method: 'token-federation', clientId: sp().applicationId, source: { kind: 'env', name: 'UCBRIDGE_TEST_IDP_TOKEN' } },
        useProfileSecret: false,
      });
      expect(state).toMatchObject({ identity: { kind: 'service-principal', userName: sp().applicationId } });
    } finally {
      delete process.env.UCBRIDGE_TEST_IDP_TOKEN;
      emulator.federation.policies.remove(policy.id);
    }
  });

  it('refuses a file that holds no JWT before sending anything, and a token the policy rejects', async () => {
    const { service, dir } = await session();
    const path = join(dir, 'not-a-token.txt');
    await writeFile(path, 'hello world');
    expect(await failure(service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'token-federation', source: { kind: 'file', path } }, useProfileSecret: false }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('does not hold a JWT'),
    });
    process.env.UCBRIDGE_TEST_WRONG_AUD = await emulator.federation.testIdp.mint({ sub: user().userName, aud: 'someone-else' });
    try {
      expect(await failure(service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'token-federation', source: { kind: 'env', name: 'UCBRIDGE_TEST_WRONG_AUD' } }, useProfileSecret: false }))).toMatchObject({
        code: 'AUTH_FAILED',
        message: expect.stringContaining('refused the identity-provider token'),
      });
    } finally {
      delete process.env.UCBRIDGE_TEST_WRONG_AUD;
    }
  });
});

describe('personal access token (legacy)', () => {
  it('signs in with a PAT, and a bad one is refused with a 401 message', async () => {
    const { service } = await session();
    expect(await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'pat', token: user().token }, useProfileSecret: false })).toMatchObject({
      authMethod: 'pat',
      token: { state: 'valid' },
      identity: { userName: user().userName },
    });
    const error = await failure(service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'pat', token: 'dapi00000000000000000000000000000000' }, useProfileSecret: false }));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('refused the credentials (401)') });
    const disconnect = await service.disconnect({ uninstall: false });
    expect(disconnect.manualRevocationSteps.join(' ')).toContain('Access tokens');
  });
});

describe('profiles from ~/.databrickscfg', () => {
  it('lists profiles without secrets and uses a profile secret only when the user agrees', async () => {
    const { service, dir } = await session();
    await writeFile(join(dir, 'databrickscfg'), `[sandbox-pat]\nhost = ${emulator.workspaceUrl}\ntoken = ${user().token}\n`);
    const choices = await service.choices();
    expect(choices.profiles).toEqual([{ name: 'sandbox-pat', url: emulator.workspaceUrl, hasToken: true, hasClientSecret: false }]);
    expect(JSON.stringify(choices)).not.toContain(user().token);
    const refused = await failure(service.signIn({ taskId: taskId(), workspace: { kind: 'profile', name: 'sandbox-pat' }, auth: { method: 'pat' }, useProfileSecret: false }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringContaining('allow ucbridge to use the personal access token saved in profile "sandbox-pat"') });
  });
});

describe('no OS keychain (basic_text)', () => {
  it('keeps the session in memory only, writes no secret, and says so', async () => {
    const { service, dir, logger } = await session({ cipher: createBasicTextCipher() });
    const state = await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: sp().clientSecret }, useProfileSecret: false });
    expect(state.persistence).toBe('memory-only');
    await logger.flush();
    expect((await readdir(dir)).includes('secrets') ? await readdir(join(dir, 'secrets')) : []).toEqual([]);
    for (const { path, text } of await allFileText(dir)) for (const s of sandboxSecrets(emulator)) expect(text.includes(s), path).toBe(false);
    await service.dispose();

    // After a restart the workspace and method are remembered, the secret is not: sign in again, with why.
    const again = await testSession({ dir, emulator, browser: noBrowser, cipher: createBasicTextCipher() });
    expect(await again.service.state()).toMatchObject({ authMethod: 'oauth-m2m', token: { state: 'signin-required' }, identity: { userName: sp().applicationId } });
    expect(await failure(again.service.reauthenticate({ taskId: taskId() }))).toMatchObject({ code: 'AUTH_REQUIRED', message: expect.stringContaining('kept in memory only') });
    await again.service.dispose();
  });
});

describe('30% of requests answered 429 or 503', () => {
  it('still signs in and serves REST calls, with bounded retries and the partner User-Agent throughout', async () => {
    emulator.faults.set({ rate429: 0.15, rate503: 0.15, retryAfterSeconds: 0, seed: 7 });
    try {
      const { service } = await session();
      const mark = emulator.requestLog.mark();
      await service.signIn({ taskId: taskId(), workspace: sandbox, auth: { method: 'oauth-m2m', clientId: sp().applicationId, clientSecret: sp().clientSecret }, useProfileSecret: false });
      const conn = service.requireConnection();
      const Me = z.object({ userName: z.string() });
      for (let i = 0; i < 30; i++) await conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me });
      const log = emulator.requestLog.entries({ after: mark });
      expect(log.filter((e) => e.status === 429 || e.status === 503).length).toBeGreaterThan(5);
      expect(log.every((e) => e.userAgent === PARTNER_USER_AGENT)).toBe(true);
    } finally {
      emulator.faults.clear();
    }
  });
});
