import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger';
import { createBasicTextCipher } from '../../node/basic-text-cipher';
import { createMemoryKeyCipher } from '../../node/memory-key-cipher';
import { secretStorageStatus } from './secret-storage-status';

const logger = createLogger({ sinks: [] });

describe('secretStorageStatus', () => {
  it('allows saving only with a secure cipher', async () => {
    expect(await secretStorageStatus(createMemoryKeyCipher(), logger)).toEqual({
      mode: 'keychain',
      backend: 'process-memory-key',
    });
  });

  it('is memory-only, with a plain note, for basic_text', async () => {
    const status = await secretStorageStatus(createBasicTextCipher(), logger);
    expect(status).toMatchObject({ mode: 'memory-only', backend: 'basic_text' });
    expect(status.note).toMatch(/sign in again after restarting/);
  });

  it('is memory-only when the cipher cannot answer', async () => {
    const broken = { ...createMemoryKeyCipher(), status: () => Promise.reject(new Error('dbus down')) };
    expect(await secretStorageStatus(broken, logger)).toMatchObject({ mode: 'memory-only', backend: 'unknown' });
  });
});
