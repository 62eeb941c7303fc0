import { describe, expect, it } from 'vitest';
import { createMemoryKeyCipher } from '../../node';
import type { SecretCipher } from '../../ports';
import { keychainNotice, probeKeychain } from './keychain-probe';

describe('keychain probe', () => {
  it('works when the keychain decrypts what it just encrypted', async () => {
    expect(await probeKeychain(createMemoryKeyCipher())).toBe(true);
  });

  it('does not work when it throws (locked, access denied) or answers something else', async () => {
    const inner = createMemoryKeyCipher();
    const throwing: SecretCipher = { ...inner, decrypt: () => Promise.reject(new Error('access denied')) };
    const refusingToEncrypt: SecretCipher = { ...inner, encrypt: () => Promise.reject(new Error('locked')) };
    const wrong: SecretCipher = { ...inner, decrypt: async (b) => ({ ...(await inner.decrypt(b)), plain: 'something else' }) };
    for (const cipher of [throwing, refusingToEncrypt, wrong]) expect(await probeKeychain(cipher)).toBe(false);
  });

  it('its notices say the secret was left untouched and what to do, naming the backend', () => {
    expect(keychainNotice('unavailable', 'basic_text')).toMatch(/^The OS keychain is not available \(storage backend: basic_text\).*left untouched.*GNOME Keyring or KWallet.*sign in again\.$/);
    expect(keychainNotice('refused', 'gnome_libsecret')).toMatch(/^The OS keychain \(gnome_libsecret\) refused to decrypt.*left untouched\. Unlock the keychain.*sign in again\.$/);
  });
});
