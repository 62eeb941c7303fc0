import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../logging';
import { createFileBlobStore, createMemoryKeyCipher } from '../../node';
import type { SecretCipher } from '../../ports';
import { blobNameFor, createSecretVault } from './secret-vault';

/**
 * What the vault does when the keychain misbehaves, and what it writes to the log (the support log is how a user's
 * "I had to sign in again" gets explained): each warning says what happened, with the error that caused it.
 */

const SECRET = 'doau-refresh-token-0123456789abcdefghijklmnop';
let dir: string;
let records: LogRecord[];
const logger = () => createLogger({ level: 'info', sinks: [(r) => void records.push(r)] });
const warnings = () => records.filter((r) => r.level === 'warn' || r.level === 'error').map((r) => [r.message, (r.fields?.error as { message?: string } | undefined)?.message]);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-vault-log-'));
  records = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = async () => readdir(join(dir, 'secrets')).catch(() => [] as string[]);

describe('secret vault, when things go wrong', () => {
  it('logs why an entry was set aside: not JSON, or not the entry for this key', async () => {
    const cipher = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await blobs.write(blobNameFor('a'), await cipher.encrypt('not json'));
    await blobs.write(blobNameFor('b'), await cipher.encrypt(JSON.stringify({ v: 1, key: 'someone-else', secrets: {} })));
    const vault = createSecretVault({ cipher, blobs, logger: logger() });
    expect(await vault.get('a')).toBeUndefined();
    expect(await vault.get('b')).toBeUndefined();
    expect(warnings().filter(([m]) => m === 'a saved secret could not be decrypted; setting it aside')).toEqual([
      ['a saved secret could not be decrypted; setting it aside', 'not JSON'],
      ['a saved secret could not be decrypted; setting it aside', 'not a vault entry for this key'],
    ]);
  });

  it('an entry that decrypts to JSON null is damaged, even if the keychain then refuses: it is set aside, not left in place', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await blobs.write(blobNameFor('k'), new Uint8Array([1, 2, 3]));
    const odd: SecretCipher = {
      status: async () => ({ secure: true, backend: 'keychain' }),
      encrypt: async () => Promise.reject(new Error('User interaction is not allowed.')),
      decrypt: async () => ({ plain: 'null', shouldReEncrypt: false }),
    };
    const vault = createSecretVault({ cipher: odd, blobs, logger: logger() });
    expect(await vault.get('k')).toBeUndefined();
    expect(await files()).toEqual([expect.stringMatching(new RegExp(`^${blobNameFor('k')}\\.corrupt-`))]);
    expect(vault.notices()).toEqual([expect.stringContaining('could not be decrypted (the file is damaged')]);
  });

  it('logs the keychain refusing to decrypt, with its error', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger: logger() }).put('k', { refreshToken: SECRET });
    const locked: SecretCipher = {
      status: async () => ({ secure: true, backend: 'keychain' }),
      encrypt: async () => Promise.reject(new Error('User interaction is not allowed.')),
      decrypt: async () => Promise.reject(new Error('Error while decrypting the ciphertext')),
    };
    records = [];
    expect(await createSecretVault({ cipher: locked, blobs, logger: logger() }).get('k')).toBeUndefined();
    expect(warnings()[0]).toEqual(['the OS keychain refused to decrypt a saved secret; it was left in place', 'Error while decrypting the ciphertext']);
  });

  it('logs the keychain refusing to save, with its error', async () => {
    const inner = createMemoryKeyCipher();
    const refusing: SecretCipher = { status: inner.status, decrypt: inner.decrypt, encrypt: async () => Promise.reject(new Error('access denied')) };
    expect(await createSecretVault({ cipher: refusing, blobs: createFileBlobStore(join(dir, 'secrets')), logger: logger() }).put('k', { refreshToken: SECRET })).toBe('memory-only');
    expect(warnings()).toEqual([['the OS keychain refused to save a secret; it is kept in memory only', 'access denied']]);
  });

  it('logs a damaged entry that cannot be moved aside, with the error', async () => {
    const cipher = createMemoryKeyCipher();
    const store = createFileBlobStore(join(dir, 'secrets'));
    await store.write(blobNameFor('k'), await cipher.encrypt('not json'));
    const blobs = { ...store, setAside: async () => Promise.reject(new Error('read-only file system')) };
    expect(await createSecretVault({ cipher, blobs, logger: logger() }).get('k')).toBeUndefined();
    expect(warnings()).toContainEqual(['a damaged secret could not be moved aside; it stays where it is', 'read-only file system']);
  });

  it('still returns the secret when re-encrypting under a rotated key fails, keeps the old entry, and logs why', async () => {
    const inner = createMemoryKeyCipher();
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: inner, blobs, logger: logger() }).put('k', { refreshToken: SECRET });
    const rotatedButFull: SecretCipher = {
      status: inner.status,
      decrypt: async (b) => ({ ...(await inner.decrypt(b)), shouldReEncrypt: true }),
      encrypt: async () => Promise.reject(new Error('disk full')),
    };
    records = [];
    expect(await createSecretVault({ cipher: rotatedButFull, blobs, logger: logger() }).get('k')).toEqual({ refreshToken: SECRET });
    expect(warnings()).toEqual([['could not re-encrypt a secret under the rotated key', 'disk full']]);
    expect(await createSecretVault({ cipher: inner, blobs, logger: logger() }).get('k')).toEqual({ refreshToken: SECRET });
  });

  it('with a keychain that is not secure but still encrypts (Electron\u2019s basic_text does, with a public key): nothing is written', async () => {
    const basicText: SecretCipher = { ...createMemoryKeyCipher(), status: async () => ({ secure: false, backend: 'basic_text' }) };
    const vault = createSecretVault({ cipher: basicText, blobs: createFileBlobStore(join(dir, 'secrets')), logger: logger() });
    expect(await vault.put('k', { refreshToken: SECRET })).toBe('memory-only');
    expect(await files()).toEqual([]);
  });

  it('says a notice once, in the log too, however often the entry is asked for', async () => {
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger: logger() }).put('k', { refreshToken: SECRET });
    records = [];
    const basicText: SecretCipher = { ...createMemoryKeyCipher(), status: async () => ({ secure: false, backend: 'basic_text' }) };
    const vault = createSecretVault({ cipher: basicText, blobs, logger: logger() });
    for (let i = 0; i < 3; i++) expect(await vault.get('k')).toBeUndefined();
    expect(vault.notices()).toHaveLength(1);
    expect(records.filter((r) => r.message === vault.notices()[0])).toHaveLength(1);
  });

  it('puts each notice in the log whole: redaction finds no secret in it to blank out', async () => {
    // "…decrypt a saved secret: it may be locked…" read as a key and its value, and the log said "[REDACTED] may be locked".
    const blobs = createFileBlobStore(join(dir, 'secrets'));
    await createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger: logger() }).put('k', { refreshToken: SECRET });
    await blobs.write(blobNameFor('d'), new Uint8Array([1, 2, 3]));
    const locked: SecretCipher = {
      status: async () => ({ secure: true, backend: 'keychain' }),
      encrypt: async () => Promise.reject(new Error('locked')),
      decrypt: async () => Promise.reject(new Error('locked')),
    };
    const basicText: SecretCipher = { ...createMemoryKeyCipher(), status: async () => ({ secure: false, backend: 'basic_text' }) };
    const damaged = createSecretVault({ cipher: createMemoryKeyCipher(), blobs, logger: logger() });
    const vaults = [createSecretVault({ cipher: locked, blobs, logger: logger() }), createSecretVault({ cipher: basicText, blobs, logger: logger() }), damaged];
    for (const vault of vaults) await vault.get(vault === damaged ? 'd' : 'k');
    const notices = vaults.flatMap((v) => v.notices());
    expect(notices).toHaveLength(3);
    for (const notice of notices) expect(records.map((r) => r.message)).toContain(notice);
  });
});
