import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging';
import { createBasicTextCipher, createFileBlobStore, createMemoryKeyCipher } from '../../node';
import type { SecretCipher } from '../../ports';
import { blobNameFor, createSecretVault } from './secret-vault';

const logger = createLogger({ level: 'error' });
const SECRET = 'doau-refresh-token-0123456789abcdefghijklmnop';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const filesUnder = async (): Promise<string[]> => {
  try {
    return await readdir(join(dir, 'secrets'));
  } catch {
    return [];
  }
};

describe('secret vault', () => {
  it('encrypts at rest in a 0600 file whose name does not reveal the workspace', async () => {
    const cipher = createMemoryKeyCipher();
    const vault = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    expect(await vault.put('https://myco.cloud.databricks.com', { refreshToken: SECRET })).toBe('keychain');
    const [name] = await filesUnder();
    expect(name).toBe(blobNameFor('https://myco.cloud.databricks.com'));
    expect(name).not.toContain('myco');
    const raw = await readFile(join(dir, 'secrets', name!));
    expect(raw.toString('latin1')).not.toContain(SECRET);
    expect(raw.toString('latin1')).not.toContain('refreshToken');
    expect((await stat(join(dir, 'secrets', name!))).mode & 0o777).toBe(0o600);

    const reopened = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    expect(await reopened.get('https://myco.cloud.databricks.com')).toEqual({ refreshToken: SECRET });
  });

  it('refuses to persist with basic_text: memory only, nothing on disk, and says why', async () => {
    const vault = createSecretVault({ cipher: createBasicTextCipher(), blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    expect(await vault.put('k', { refreshToken: SECRET })).toBe('memory-only');
    expect(await vault.get('k')).toEqual({ refreshToken: SECRET });
    expect(await filesUnder()).toEqual([]);
    const status = await vault.status();
    expect(status.mode).toBe('memory-only');
    expect(status.note).toMatch(/basic_text.*memory only.*sign in again/s);
    const afterRestart = createSecretVault({ cipher: createBasicTextCipher(), blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    expect(await afterRestart.get('k')).toBeUndefined();
  });

  it('never deletes an entry it cannot decrypt while the keychain works: it is set aside as .corrupt-<time> and a notice says it was damaged', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'), () => Date.parse('2024-05-01T10:20:30.123Z'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger }).put('k', { refreshToken: SECRET });
    const bytes = await readFile(join(dir, 'secrets', blobNameFor('k')));
    // Another key (another OS user, a reset keyring): this keychain works, the entry is what is wrong.
    const other = createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger });
    expect(await other.get('k')).toBeUndefined();
    const aside = `${blobNameFor('k')}.corrupt-2024-05-01T10-20-30-123Z`;
    expect(await filesUnder()).toEqual([aside]);
    expect(await readFile(join(dir, 'secrets', aside))).toEqual(bytes);
    expect(other.notices()).toEqual([expect.stringMatching(new RegExp(`could not be decrypted \\(the file is damaged.*kept it as ${aside}\\. Sign in again`))]);
    // Asked again: nothing more happens, and the notice is said once.
    expect(await other.get('k')).toBeUndefined();
    expect(other.notices()).toHaveLength(1);
  });

  it('sets aside a blob of garbage, or one that decrypts to something other than its entry', async () => {
    const cipher = createMemoryKeyCipher();
    const vault = createSecretVault({ cipher, blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    await mkdir(join(dir, 'secrets'), { recursive: true });
    await writeFile(join(dir, 'secrets', blobNameFor('j')), 'garbage');
    await writeFile(join(dir, 'secrets', blobNameFor('m')), await cipher.encrypt(JSON.stringify({ v: 1, key: 'someone-else', secrets: {} })));
    expect(await vault.get('j')).toBeUndefined();
    expect(await vault.get('m')).toBeUndefined();
    const files = await filesUnder();
    expect(files).toHaveLength(2);
    for (const key of ['j', 'm']) expect(files.some((name) => name.startsWith(`${blobNameFor(key)}.corrupt-`))).toBe(true);
    expect(vault.notices()).toHaveLength(2);
  });

  it('leaves an entry in place when the keychain refuses (locked, access denied), says so differently, and reads it once the keychain answers', async () => {
    const working = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: working, blobs, logger }).put('k', { refreshToken: SECRET });
    const locked: SecretCipher = {
      status: async () => ({ secure: true, backend: 'keychain' }),
      encrypt: async () => Promise.reject(new Error('User interaction is not allowed.')),
      decrypt: async () => Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')),
    };
    const refused = createSecretVault({ cipher: locked, blobs, logger });
    expect(await refused.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([blobNameFor('k')]);
    expect(refused.notices()).toEqual([expect.stringMatching(/keychain \(keychain\) refused to decrypt a saved secret\. It may be locked, or access was denied\. The secret was left untouched\. Unlock/)]);
    expect(refused.notices()[0]).not.toMatch(/damaged|corrupt/);
    expect(await createSecretVault({ cipher: working, blobs, logger }).get('k')).toEqual({ refreshToken: SECRET });
  });

  it('leaves an entry in place when no keychain is available at all, with its own notice', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger }).put('k', { refreshToken: SECRET });
    const none = createSecretVault({ cipher: createBasicTextCipher(), blobs, logger });
    expect(await none.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([blobNameFor('k')]);
    expect(none.notices()).toEqual([expect.stringMatching(/^The OS keychain is not available \(storage backend: basic_text\), so a saved secret could not be read\. It was left untouched/)]);
  });

  it('keeps a secret in memory, and says so, when the keychain refuses to encrypt it', async () => {
    const inner = createMemoryKeyCipher();
    const refusing: SecretCipher = { status: inner.status, decrypt: inner.decrypt, encrypt: async () => Promise.reject(new Error('access denied')) };
    const vault = createSecretVault({ cipher: refusing, blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    expect(await vault.put('k', { clientSecret: SECRET })).toBe('memory-only');
    expect(await vault.get('k')).toEqual({ clientSecret: SECRET });
    expect(await filesUnder()).toEqual([]);
  });

  it('re-encrypts when the OS asks (safeStorage shouldReEncrypt)', async () => {
    const inner = createMemoryKeyCipher();
    let encryptions = 0;
    const rotating: SecretCipher = {
      status: inner.status,
      encrypt: (p) => (encryptions++, inner.encrypt(p)),
      decrypt: async (b) => ({ ...(await inner.decrypt(b)), shouldReEncrypt: true }),
    };
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: rotating, blobs, logger }).put('k', { refreshToken: SECRET });
    expect(await createSecretVault({ cipher: rotating, blobs, logger }).get('k')).toEqual({ refreshToken: SECRET });
    expect(encryptions).toBe(2);
  });

  it('refuses a blob copied under another key: each entry is bound to its key inside the encryption', async () => {
    // Same user, same OS key: a file moved from one workspace's name to another's decrypts fine, so only the key
    // sealed in the envelope stops one workspace's token being sent to another.
    const cipher = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher, blobs, logger }).put('https://evil.cloud.databricks.com', { refreshToken: SECRET });
    await copyFile(join(dir, 'secrets', blobNameFor('https://evil.cloud.databricks.com')), join(dir, 'secrets', blobNameFor('https://myco.cloud.databricks.com')));
    const reopened = createSecretVault({ cipher, blobs, logger });
    expect(await reopened.get('https://myco.cloud.databricks.com')).toBeUndefined();
    // The misplaced copy is set aside (never deleted); the genuine entry still reads.
    const files = await filesUnder();
    expect(files).toHaveLength(2);
    expect(files).toContain(blobNameFor('https://evil.cloud.databricks.com'));
    expect(files.some((name) => name.startsWith(`${blobNameFor('https://myco.cloud.databricks.com')}.corrupt-`))).toBe(true);
    expect(await reopened.get('https://evil.cloud.databricks.com')).toEqual({ refreshToken: SECRET });
  });

  it('refuses an envelope of another version or without secrets', async () => {
    const cipher = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    for (const [key, envelope] of [
      ['v2', { v: 2, key: 'v2', secrets: { refreshToken: SECRET } }],
      ['none', { v: 1, key: 'none' }],
      ['text', { v: 1, key: 'text', secrets: SECRET }],
      ['null', null],
    ] as const) {
      await blobs.write(blobNameFor(key), await cipher.encrypt(JSON.stringify(envelope)));
      expect(await createSecretVault({ cipher, blobs, logger }).get(key), key).toBeUndefined();
    }
    // Each is set aside, none deleted.
    expect(await filesUnder()).toHaveLength(4);
    expect((await filesUnder()).every((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('removes entries from memory and disk', async () => {
    const vault = createSecretVault({ cipher: createMemoryKeyCipher(), blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    await vault.put('k', { pat: SECRET });
    await vault.remove('k');
    expect(await vault.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([]);
  });

  it('names each file vault- and 40 hex characters of the key’s SHA-256', () => {
    expect(blobNameFor('https://myco.cloud.databricks.com')).toMatch(/^vault-[0-9a-f]{40}$/);
  });

  it('a key never saved reads as nothing, with no notice, whether or not the keychain works', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    const working = createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger });
    expect(await working.get('never')).toBeUndefined();
    const none = createSecretVault({ cipher: createBasicTextCipher(), blobs, logger });
    expect(await none.get('never')).toBeUndefined();
    expect([...working.notices(), ...none.notices()]).toEqual([]);
    expect(await filesUnder()).toEqual([]);
  });

  it('says once about a damaged entry however often it is read, and sets aside one that decrypts to text that is not JSON', async () => {
    const cipher = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await blobs.write(blobNameFor('k'), await cipher.encrypt('not json'));
    const vault = createSecretVault({ cipher, blobs, logger });
    expect(await vault.get('k')).toBeUndefined();
    expect(await vault.get('k')).toBeUndefined();
    expect(vault.notices()).toHaveLength(1);
    expect((await filesUnder())[0]).toMatch(new RegExp(`^${blobNameFor('k')}\\.corrupt-`));
  });

  it('when a damaged entry cannot be moved aside either, leaves it and says so', async () => {
    const cipher = createMemoryKeyCipher();
    const files = createFileBlobStore(join(dir, 'secrets'));
    await files.write(blobNameFor('k'), await cipher.encrypt(JSON.stringify({ v: 1, key: 'other', secrets: {} })));
    const records: { level: string; message: string }[] = [];
    const blobs = { ...files, setAside: async () => Promise.reject(new Error('read-only file system')) };
    const vault = createSecretVault({ cipher, blobs, logger: createLogger({ sinks: [(r) => records.push(r)] }) });
    expect(await vault.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([blobNameFor('k')]);
    expect(vault.notices()).toEqual([expect.stringMatching(/could not be moved aside either; it was left in place\. Sign in again/)]);
    expect(records.map((r) => r.message)).toContain('a damaged secret could not be moved aside; it stays where it is');
  });

  it('reading does not encrypt again unless the OS asks', async () => {
    const inner = createMemoryKeyCipher();
    let encryptions = 0;
    const counting: SecretCipher = { status: inner.status, decrypt: inner.decrypt, encrypt: (p) => (encryptions++, inner.encrypt(p)) };
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: counting, blobs, logger }).put('k', { refreshToken: SECRET });
    expect(await createSecretVault({ cipher: counting, blobs, logger }).get('k')).toEqual({ refreshToken: SECRET });
    expect(encryptions).toBe(1);
  });
});
