import type { SecretCipher } from '../../ports';

/**
 * Whether the OS keychain works right now: it can decrypt what it has just encrypted. A saved secret that fails to
 * decrypt while this holds is itself bad; one that fails while this fails says nothing about the secret (the
 * keychain is locked, or the user denied ucbridge access: macOS asks, and a "Deny" makes safeStorage throw).
 */
export async function probeKeychain(cipher: SecretCipher): Promise<boolean> {
  const probe = 'ucbridge keychain probe';
  try {
    return (await cipher.decrypt(await cipher.encrypt(probe))).plain === probe;
  } catch {
    return false;
  }
}

/** The start-up notice for a secret left in place because the keychain could not be used: it is not damaged. */
export function keychainNotice(why: 'unavailable' | 'refused', backend: string): string {
  switch (why) {
    case 'unavailable':
      return `The OS keychain is not available (storage backend: ${backend}), so a saved secret could not be read. It was left untouched and will be read once the keychain is available again (on Linux: install and unlock GNOME Keyring or KWallet). Until then, sign in again.`;
    case 'refused':
      return `The OS keychain (${backend}) refused to decrypt a saved secret. It may be locked, or access was denied. The secret was left untouched. Unlock the keychain, allow ucbridge access and restart ucbridge to use it; until then, sign in again.`;
  }
}
