import { AppFailure } from '../../shared/result';
import type { SecretCipher } from '../ports';

/**
 * Stands in for Electron's safeStorage on Linux without a keyring (`basic_text`: a constant, public key), so
 * tests can prove the refusal path: the app must see `secure:false` and keep secrets in memory. Encrypting or
 * decrypting anyway is a bug, and fails loudly here instead of pretending to protect anything.
 */
export function createBasicTextCipher(): SecretCipher {
  const refuse = (): Promise<never> =>
    Promise.reject(
      new AppFailure({
        code: 'INSECURE_STORAGE',
        message: 'No OS keychain is available, so secrets cannot be saved.',
      }),
    );
  return {
    status: async () => ({ secure: false, backend: 'basic_text' }),
    encrypt: refuse,
    decrypt: refuse,
  };
}
