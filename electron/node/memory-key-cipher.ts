import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppFailure } from '../../shared/result';
import type { SecretCipher } from '../ports';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key that lives only in this process's memory: what the browser harness and tests use
 * in place of the OS keychain. Blobs are authenticated (tampering fails to decrypt) and become unreadable when
 * the process exits, which is the honest behaviour for a host that has no keychain of its own.
 * Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
export function createMemoryKeyCipher(key: Uint8Array = randomBytes(32)): SecretCipher {
  if (key.byteLength !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    status: async () => ({ secure: true, backend: 'process-memory-key' }),
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]));
    },
    async decrypt(blob) {
      const bytes = Buffer.from(blob);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw undecryptable();
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
        return { plain: plain.toString('utf8'), shouldReEncrypt: false };
      } catch {
        throw undecryptable();
      }
    },
  };
}

const undecryptable = (): AppFailure =>
  new AppFailure({
    code: 'STORAGE',
    message: 'A saved secret could not be decrypted.',
    hint: 'It was saved by another run or has been altered. Sign in again to replace it.',
  });
