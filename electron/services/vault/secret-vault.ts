import { createHash } from 'node:crypto';
import type { BlobStore, Logger, SecretCipher } from '../../ports';
import { secretStorageStatus, type SecretStorageStatus } from '../secret-storage/secret-storage-status';
import { keychainNotice, probeKeychain } from './keychain-probe';

/**
 * Where refresh tokens, client secrets and PATs live. Encrypted with the SecretCipher port (Electron safeStorage's
 * async API in the app) into the BlobStore (mode 0600). When the cipher is not secure — Linux `basic_text`, whose
 * key is a public constant (electron docs/api/safe-storage.md; reference electron-architecture-security-testing.md
 * §4.1) — nothing is written at all: secrets stay in this process's memory and the user is told why.
 *
 * The vault never deletes a secret it cannot read. A blob that fails to decrypt while the keychain itself works is
 * damaged (or was saved under another OS user or before the keychain was reset): it is moved aside as
 * `<name>.corrupt-<time>`. When the keychain is unavailable, locked or refuses access, the blob is fine and is left
 * where it is, to be read once the keychain answers again. Either way a start-up notice says which it was.
 *
 * Access tokens never come here: they live in memory only and are re-derived after a restart.
 */
export type VaultSecrets = Readonly<Record<string, string>>;

export interface SecretVault {
  status(): Promise<SecretStorageStatus>;
  /** Where the secrets really are now: the keychain (encrypted on disk), or this process's memory only. */
  put(key: string, secrets: VaultSecrets): Promise<SecretStorageStatus['mode']>;
  get(key: string): Promise<VaultSecrets | undefined>;
  remove(key: string): Promise<void>;
  /** What happened to saved secrets that could not be read, in plain language (for `app.info`'s start-up notices). */
  notices(): readonly string[];
}

const PREFIX = 'vault-';
/** File names reveal nothing about the workspace or user they belong to. */
export const blobNameFor = (key: string): string => `${PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;

interface Envelope {
  readonly v: 1;
  readonly key: string;
  readonly secrets: VaultSecrets;
}

const isEnvelope = (x: unknown, key: string): x is Envelope =>
  typeof x === 'object' && x !== null && (x as Envelope).v === 1 && (x as Envelope).key === key && typeof (x as Envelope).secrets === 'object';

class DamagedEntry extends Error {}

export function createSecretVault(deps: { readonly cipher: SecretCipher; readonly blobs: BlobStore; readonly logger: Logger }): SecretVault {
  const { cipher, blobs, logger } = deps;
  const memory = new Map<string, VaultSecrets>();
  const notices = new Map<string, string>();
  let status: Promise<SecretStorageStatus> | undefined;
  const getStatus = () => (status ??= secretStorageStatus(cipher, logger));
  const notice = (name: string, text: string): void => {
    if (notices.has(name)) return;
    notices.set(name, text);
    logger.warn(text);
  };

  async function write(key: string, secrets: VaultSecrets): Promise<void> {
    const blob = await cipher.encrypt(JSON.stringify({ v: 1, key, secrets } satisfies Envelope));
    await blobs.write(blobNameFor(key), blob);
  }

  async function decrypt(key: string, blob: Uint8Array): Promise<{ secrets: VaultSecrets; reEncrypt: boolean }> {
    const { plain, shouldReEncrypt } = await cipher.decrypt(blob);
    let parsed: unknown;
    try {
      parsed = JSON.parse(plain);
    } catch {
      throw new DamagedEntry('not JSON');
    }
    if (!isEnvelope(parsed, key)) throw new DamagedEntry('not a vault entry for this key');
    return { secrets: parsed.secrets, reEncrypt: shouldReEncrypt };
  }

  /** Moves a damaged blob aside and says so; never deletes it. */
  async function setAside(name: string): Promise<void> {
    try {
      const aside = await blobs.setAside(name);
      notice(name, `A saved secret could not be decrypted (the file is damaged, or was saved under another OS user or before the keychain was reset), so ucbridge did not use it and kept it as ${aside}. Sign in again to replace it.`);
    } catch (error) {
      logger.error('a damaged secret could not be moved aside; it stays where it is', { error });
      notice(name, 'A saved secret could not be decrypted (the file is damaged), and could not be moved aside either; it was left in place. Sign in again to replace it.');
    }
  }

  return {
    status: getStatus,
    async put(key, secrets) {
      memory.set(key, Object.freeze({ ...secrets }));
      if ((await getStatus()).mode !== 'keychain') return 'memory-only';
      try {
        await write(key, secrets);
        return 'keychain';
      } catch (error) {
        // The keychain refused to encrypt (locked, access denied): the secret is real and is kept, in memory only.
        logger.warn('the OS keychain refused to save a secret; it is kept in memory only', { error });
        return 'memory-only';
      }
    },
    async get(key) {
      const cached = memory.get(key);
      if (cached) return cached;
      const name = blobNameFor(key);
      const storage = await getStatus();
      if (storage.mode !== 'keychain') {
        if ((await blobs.list()).includes(name)) notice(name, keychainNotice('unavailable', storage.backend));
        return undefined;
      }
      const blob = await blobs.read(name);
      if (!blob) return undefined;
      try {
        const { secrets, reEncrypt } = await decrypt(key, blob);
        memory.set(key, secrets);
        // The OS rotated its key (safeStorage `shouldReEncrypt`): save again under the new one.
        if (reEncrypt) await write(key, secrets).catch((error: unknown) => logger.warn('could not re-encrypt a secret under the rotated key', { error }));
        return secrets;
      } catch (error) {
        // Whose fault? If the keychain cannot decrypt what it has just encrypted, it is locked or refusing (the blob
        // may be fine): leave it. If it can, this blob is what is wrong (electron#32598: another user, a reset keyring).
        if (!(error instanceof DamagedEntry) && !(await probeKeychain(cipher))) {
          logger.warn('the OS keychain refused to decrypt a saved secret; it was left in place', { error });
          notice(name, keychainNotice('refused', storage.backend));
          return undefined;
        }
        logger.warn('a saved secret could not be decrypted; setting it aside', { error });
        await setAside(name);
        return undefined;
      }
    },
    async remove(key) {
      memory.delete(key);
      await blobs.remove(blobNameFor(key));
    },
    notices: () => [...notices.values()],
  };
}
