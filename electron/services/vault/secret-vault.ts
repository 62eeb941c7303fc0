import { createHash } from 'node:crypto';
import type { BlobStore, Logger, SecretCipher } from '../../ports';
import { secretStorageStatus, type SecretStorageStatus } from '../secret-storage/secret-storage-status';

/**
 * Where refresh tokens, client secrets and PATs live. Encrypted with the SecretCipher port (Electron safeStorage's
 * async API in the app) into the BlobStore (mode 0600). When the cipher is not secure — Linux `basic_text`, whose
 * key is a public constant (electron docs/api/safe-storage.md; reference electron-architecture-security-testing.md
 * §4.1) — nothing is written at all: secrets stay in this process's memory and the user is told why.
 *
 * Access tokens never come here: they live in memory only and are re-derived after a restart.
 */
export type VaultSecrets = Readonly<Record<string, string>>;

export interface SecretVault {
  status(): Promise<SecretStorageStatus>;
  put(key: string, secrets: VaultSecrets): Promise<SecretStorageStatus['mode']>;
  get(key: string): Promise<VaultSecrets | undefined>;
  remove(key: string): Promise<void>;
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

export function createSecretVault(deps: { readonly cipher: SecretCipher; readonly blobs: BlobStore; readonly logger: Logger }): SecretVault {
  const { cipher, blobs, logger } = deps;
  const memory = new Map<string, VaultSecrets>();
  let status: Promise<SecretStorageStatus> | undefined;
  const getStatus = () => (status ??= secretStorageStatus(cipher, logger));

  async function write(key: string, secrets: VaultSecrets): Promise<void> {
    const blob = await cipher.encrypt(JSON.stringify({ v: 1, key, secrets } satisfies Envelope));
    await blobs.write(blobNameFor(key), blob);
  }

  return {
    status: getStatus,
    async put(key, secrets) {
      memory.set(key, Object.freeze({ ...secrets }));
      const { mode } = await getStatus();
      if (mode === 'keychain') await write(key, secrets);
      return mode;
    },
    async get(key) {
      const cached = memory.get(key);
      if (cached) return cached;
      if ((await getStatus()).mode !== 'keychain') return undefined;
      const blob = await blobs.read(blobNameFor(key));
      if (!blob) return undefined;
      try {
        const { plain, shouldReEncrypt } = await cipher.decrypt(blob);
        const parsed: unknown = JSON.parse(plain);
        if (!isEnvelope(parsed, key)) throw new Error('not a vault entry for this key');
        memory.set(key, parsed.secrets);
        // The OS rotated its key (safeStorage `shouldReEncrypt`): save again under the new one.
        if (shouldReEncrypt) await write(key, parsed.secrets);
        return parsed.secrets;
      } catch (error) {
        // Another OS user, a reset keyring or a damaged file (electron#32598): forget it, the user signs in again.
        logger.warn('a saved secret could not be decrypted and was removed', { error });
        await blobs.remove(blobNameFor(key));
        return undefined;
      }
    },
    async remove(key) {
      memory.delete(key);
      await blobs.remove(blobNameFor(key));
    },
  };
}
