import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { createBasicTextCipher } from './basic-text-cipher';
import { createMemoryKeyCipher } from './memory-key-cipher';

describe('createMemoryKeyCipher', () => {
  it('reports itself secure with its backend name', async () => {
    expect(await createMemoryKeyCipher().status()).toEqual({ secure: true, backend: 'process-memory-key' });
  });

  it('round-trips and never leaves the plaintext in the blob', async () => {
    const cipher = createMemoryKeyCipher();
    const blob = await cipher.encrypt('refresh-token-ünïcode');
    expect(Buffer.from(blob).toString('latin1')).not.toContain('refresh-token');
    expect(await cipher.decrypt(blob)).toEqual({ plain: 'refresh-token-ünïcode', shouldReEncrypt: false });
  });

  it('uses a fresh IV each time', async () => {
    const cipher = createMemoryKeyCipher();
    expect(await cipher.encrypt('same')).not.toEqual(await cipher.encrypt('same'));
  });

  it('refuses tampered, truncated and foreign blobs with STORAGE', async () => {
    const cipher = createMemoryKeyCipher();
    const blob = await cipher.encrypt('plain-value-xyz');
    const tampered = new Uint8Array(blob);
    tampered[tampered.length - 1]! ^= 1;
    const foreign = await createMemoryKeyCipher().encrypt('plain-value-xyz');
    for (const bad of [tampered, blob.slice(0, 10), foreign, new Uint8Array([9, ...blob.slice(1)])]) {
      const error = await cipher.decrypt(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).error.code).toBe('STORAGE');
      expect((error as AppFailure).message).not.toContain('plain-value');
    }
  });

  it('rejects a key of the wrong size', () => {
    expect(() => createMemoryKeyCipher(new Uint8Array(16))).toThrow(/32-byte/);
  });
});

describe('createBasicTextCipher', () => {
  it('reports basic_text as not secure', async () => {
    expect(await createBasicTextCipher().status()).toEqual({ secure: false, backend: 'basic_text' });
  });

  it('refuses to encrypt or decrypt, so a service that ignores the status fails its tests', async () => {
    const cipher = createBasicTextCipher();
    await expect(cipher.encrypt('x')).rejects.toMatchObject({ error: { code: 'INSECURE_STORAGE' } });
    await expect(cipher.decrypt(new Uint8Array(1))).rejects.toMatchObject({ error: { code: 'INSECURE_STORAGE' } });
  });
});
