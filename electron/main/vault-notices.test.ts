import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import type { SenderInfo, SenderPolicy } from '../gateway/sender-policy';
import { createMemoryKeyCipher } from '../node';
import { createNodeMainPorts } from '../node/node-main-ports';
import type { SecretCipher } from '../ports';
import { runningSandbox } from '../services/session/emulator-sandbox';
import { composeMain } from './compose';

/**
 * Issue 9, finding 11, as a user meets it: the app restarts and its saved sign-in cannot be read. When the keychain
 * refuses (locked, access denied) the secret is left where it is and the start-up notice says so; once the
 * keychain answers, the session comes back. When the secret itself is unreadable (here: saved under another key,
 * as after a keyring reset) it is moved aside as `<name>.corrupt-<time>` and a different notice says it was
 * damaged. The app starts every time; nothing is deleted.
 */
const sender: SenderInfo = { id: 1, isMainFrame: true, url: 'app://ucbridge/index.html' };
const policy = (): SenderPolicy => ({ trustedIds: new Set([1]), origins: [{ protocol: 'app:', host: 'ucbridge' }] });
let emulator: RunningEmulator;
let userDataDir: string;
const key = randomBytes(32);

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: null, log: () => undefined });
  userDataDir = await mkdtemp(join(tmpdir(), 'ucb-vault-notices-'));
});
afterAll(async () => {
  await emulator.stop();
  await rm(userDataDir, { recursive: true, force: true });
});

/** Starts the app over the same userData with `cipher`, runs `work`, and shuts it down. */
async function withApp<T>(cipher: SecretCipher, work: (call: (channel: string, input?: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy, cipher });
  const app = await composeMain({ ...ports, sandbox: runningSandbox(emulator) });
  try {
    return await work((channel, input = {}) => app.gateway.dispatch(sender, channel, input));
  } finally {
    await app.dispose();
  }
}

const secrets = async () => (await readdir(join(userDataDir, 'secrets'))).sort();
const locked: SecretCipher = {
  status: async () => ({ secure: true, backend: 'keychain' }),
  encrypt: async () => Promise.reject(new Error('User interaction is not allowed.')),
  decrypt: async () => Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')),
};

it('a locked keychain leaves the saved sign-in alone and says so; a damaged one is set aside and said to be damaged', async () => {
  const admin = emulator.users.find((u) => u.admin)!;
  await withApp(createMemoryKeyCipher(key), async (call) => {
    expect(await call('auth.signIn', { taskId: 'signin-vault-1', workspace: { kind: 'sandbox' }, auth: { method: 'pat', token: admin.token }, useProfileSecret: false })).toMatchObject({ ok: true });
  });
  const [saved] = await secrets();
  const bytes = await readFile(join(userDataDir, 'secrets', saved!));

  // Locked: the app starts, the secret stays exactly as it was, and the notice is about the keychain.
  await withApp(locked, async (call) => {
    const info = (await call('app.info')) as { ok: true; value: { startupNotices: string[] } };
    expect(info.value.startupNotices).toEqual([expect.stringMatching(/^The OS keychain \(keychain\) refused to decrypt a saved secret\. It may be locked, or access was denied\. The secret was left untouched\./)]);
  });
  expect(await secrets()).toEqual([saved]);
  expect(await readFile(join(userDataDir, 'secrets', saved!))).toEqual(bytes);

  // Unlocked again: signed in as before, nothing to report.
  await withApp(createMemoryKeyCipher(key), async (call) => {
    expect(await call('session.state')).toMatchObject({ ok: true, value: { identity: { userName: admin.userName } } });
    expect(await call('app.info')).toMatchObject({ ok: true, value: { startupNotices: [] } });
  });

  // Another key (a reset keyring): the keychain works but cannot read this secret, which is set aside, not deleted.
  await withApp(createMemoryKeyCipher(), async (call) => {
    const info = (await call('app.info')) as { ok: true; value: { startupNotices: string[] } };
    expect(info.value.startupNotices).toEqual([expect.stringMatching(/^A saved secret could not be decrypted \(the file is damaged.*kept it as vault-[0-9a-f]+\.corrupt-[0-9TZ-]+\. Sign in again/)]);
    expect(await call('session.state')).toMatchObject({ ok: true, value: { token: { state: 'signin-required' } } });
  });
  const after = await secrets();
  expect(after).toEqual([expect.stringMatching(new RegExp(`^${saved}\\.corrupt-`))]);
  expect(await readFile(join(userDataDir, 'secrets', after[0]!))).toEqual(bytes);
});
