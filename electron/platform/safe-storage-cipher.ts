import { safeStorage } from 'electron';
import { AppFailure } from '../../shared/result';
import type { SecretCipher } from '../ports';

/** Linux backends that keep the key in an OS keyring; `basic_text` is a hard-coded key (reference §4.1). */
const LINUX_SECURE: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  return platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';
}

/**
 * Electron safeStorage, async API only (the sync one is deprecated in 45 and removed in 46). Create it after
 * `app.whenReady()`: before ready the Linux backend reads `unknown`. Refuses to encrypt or decrypt unless the
 * key is held by the OS, so a `basic_text` machine never writes an obfuscated-only secret.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  async function status(): Promise<{ secure: boolean; backend: string }> {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    const backend = backendName(platform);
    const secure = available && (platform !== 'linux' || LINUX_SECURE.has(backend));
    return { secure, backend };
  }
  async function requireSecure(): Promise<void> {
    const { secure, backend } = await status();
    if (!secure) {
      throw new AppFailure({
        code: 'INSECURE_STORAGE',
        message: `No OS keychain is available (${backend}), so ucbridge will not save secrets.`,
        hint: 'Secrets stay in memory for this session. Install and unlock a keyring to keep them.',
      });
    }
  }
  return {
    status,
    async encrypt(plain) {
      await requireSecure();
      return new Uint8Array(await safeStorage.encryptStringAsync(plain));
    },
    async decrypt(blob) {
      await requireSecure();
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(blob));
      return { plain: result, shouldReEncrypt };
    },
  };
}
