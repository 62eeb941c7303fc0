import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

  it('forgets an entry it cannot decrypt (another user, a reset keyring) instead of failing', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger }).put('k', { refreshToken: SECRET });
    const other = createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger });
    expect(await other.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([]);
    await writeFile(join(dir, 'secrets', blobNameFor('j')), 'garbage');
    expect(await other.get('j')).toBeUndefined();
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
    // The misplaced copy is forgotten; the genuine entry still reads.
    expect(await filesUnder()).toEqual([blobNameFor('https://evil.cloud.databricks.com')]);
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
    expect(await filesUnder()).toEqual([]);
  });

  it('removes entries from memory and disk', async () => {
    const vault = createSecretVault({ cipher: createMemoryKeyCipher(), blobs: createFileBlobStore(join(dir, 'secrets')), logger });
    await vault.put('k', { pat: SECRET });
    await vault.remove('k');
    expect(await vault.get('k')).toBeUndefined();
    expect(await filesUnder()).toEqual([]);
  });
});
