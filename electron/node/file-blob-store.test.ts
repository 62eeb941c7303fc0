import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileBlobStore } from './file-blob-store';

describe('createFileBlobStore', () => {
  it('stores bytes atomically with mode 0600 in a 0700 directory', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ucb-blob-')), 'secrets');
    const blobs = createFileBlobStore(dir);
    expect(await blobs.list()).toEqual([]);
    expect(await blobs.read('tokens.bin')).toBeUndefined();
    await blobs.write('tokens.bin', new Uint8Array([1, 2, 3]));
    await blobs.write('tokens.bin', new Uint8Array([4, 5]));
    expect(await blobs.read('tokens.bin')).toEqual(new Uint8Array([4, 5]));
    expect(await readdir(dir)).toEqual(['tokens.bin']);
    expect(await blobs.list()).toEqual(['tokens.bin']);
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, 'tokens.bin'))).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    await blobs.remove('tokens.bin');
    await blobs.remove('tokens.bin');
    expect(await blobs.list()).toEqual([]);
  });

  it('sets a blob aside as <name>.corrupt-<time>, keeps its bytes, and lists it no more', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-blob-'));
    const blobs = createFileBlobStore(dir, () => Date.parse('2024-05-01T10:20:30.123Z'));
    await blobs.write('vault-abc', new Uint8Array([9, 9]));
    expect(await blobs.setAside('vault-abc')).toBe('vault-abc.corrupt-2024-05-01T10-20-30-123Z');
    expect(await readdir(dir)).toEqual(['vault-abc.corrupt-2024-05-01T10-20-30-123Z']);
    expect(await readFile(join(dir, 'vault-abc.corrupt-2024-05-01T10-20-30-123Z'))).toEqual(Buffer.from([9, 9]));
    expect(await blobs.list()).toEqual([]);
    expect(await blobs.read('vault-abc')).toBeUndefined();
  });

  it('refuses names that could escape the directory', async () => {
    const blobs = createFileBlobStore(await mkdtemp(join(tmpdir(), 'ucb-blob-')));
    await expect(blobs.write('../evil', new Uint8Array([1]))).rejects.toThrow(/Invalid blob name/);
    await expect(blobs.read('/etc/passwd')).rejects.toThrow(/Invalid blob name/);
  });
});
