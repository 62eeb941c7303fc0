import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher } from './safe-storage-cipher';

const safeStorage = vi.hoisted(() => ({
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
  decryptStringAsync: vi.fn(async (blob: Buffer) => ({ result: blob.toString().slice(4), shouldReEncrypt: true })),
  // The deprecated sync API (removed in Electron 46) must never be called.
  encryptString: vi.fn(() => {
    throw new Error('sync API used');
  }),
  decryptString: vi.fn(() => {
    throw new Error('sync API used');
  }),
  isEncryptionAvailable: vi.fn(() => {
    throw new Error('sync API used');
  }),
}));
vi.mock('electron', () => ({ safeStorage }));

beforeEach(() => {
  vi.clearAllMocks();
  safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('createSafeStorageCipher', () => {
  it('round-trips through the async API on a Linux keyring', async () => {
    const cipher = createSafeStorageCipher('linux');
    expect(await cipher.status()).toEqual({ secure: true, backend: 'gnome_libsecret' });
    const blob = await cipher.encrypt('refresh-token');
    expect(await cipher.decrypt(blob)).toEqual({ plain: 'refresh-token', shouldReEncrypt: true });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('refresh-token');
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.isEncryptionAvailable).not.toHaveBeenCalled();
  });

  it.each(['basic_text', 'unknown'])('refuses %s: not secure, nothing encrypted or decrypted', async (backend) => {
    safeStorage.getSelectedStorageBackend.mockReturnValue(backend);
    const cipher = createSafeStorageCipher('linux');
    expect(await cipher.status()).toEqual({ secure: false, backend });
    await expect(cipher.encrypt('refresh-token')).rejects.toMatchObject({ error: { code: 'INSECURE_STORAGE' } });
    await expect(cipher.decrypt(new Uint8Array([1]))).rejects.toMatchObject({ error: { code: 'INSECURE_STORAGE' } });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(safeStorage.decryptStringAsync).not.toHaveBeenCalled();
  });

  it('is not secure when async encryption is unavailable', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect(await createSafeStorageCipher('darwin').status()).toEqual({ secure: false, backend: 'keychain' });
  });

  it('names the backend on macOS and Windows without asking the Linux-only API', async () => {
    expect(await createSafeStorageCipher('darwin').status()).toEqual({ secure: true, backend: 'keychain' });
    expect(await createSafeStorageCipher('win32').status()).toEqual({ secure: true, backend: 'dpapi' });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });
});
