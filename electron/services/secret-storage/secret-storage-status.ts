import type { Logger, SecretCipher } from '../../ports';

export interface SecretStorageStatus {
  readonly mode: 'keychain' | 'memory-only';
  readonly backend: string;
  /** Why secrets are memory-only, in plain language. */
  readonly note?: string;
}

/**
 * The one place that decides whether secrets may be saved: only when the cipher says its key is protected by the
 * OS. Linux's `basic_text` (a constant key) and a cipher that cannot even answer both mean memory only.
 */
export async function secretStorageStatus(cipher: SecretCipher, logger: Logger): Promise<SecretStorageStatus> {
  try {
    const { secure, backend } = await cipher.status();
    if (secure) return { mode: 'keychain', backend };
    return {
      mode: 'memory-only',
      backend,
      note:
        `No OS keychain is available (storage backend: ${backend}), so ucbridge keeps sign-in tokens in memory ` +
        'only. You will need to sign in again after restarting. On Linux, install and unlock a keyring ' +
        '(GNOME Keyring or KWallet) to keep them.',
    };
  } catch (error) {
    logger.warn('could not check the OS keychain', { error });
    return {
      mode: 'memory-only',
      backend: 'unknown',
      note: 'ucbridge could not reach the OS keychain, so it keeps sign-in tokens in memory only for this session.',
    };
  }
}
