import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../ports';
import { writeFileAtomic } from './atomic-write';
import { ensurePrivateDir } from './private-dir';
import { assertStoreName } from './store-names';

/**
 * Encrypted secrets, one file per name, mode 0600 in a 0700 directory, written atomically so a crash never
 * leaves a truncated ciphertext behind (which would fail to decrypt and force a new sign-in).
 */
export function createFileBlobStore(dir: string): BlobStore {
  let ready: Promise<void> | undefined;
  const ensureDir = (): Promise<void> =>
    (ready ??= ensurePrivateDir(dir).catch((e: unknown) => {
        ready = undefined;
        throw e;
      }));
  const pathOf = (name: string): string => {
    assertStoreName('blob', name);
    return join(dir, name);
  };

  return {
    async read(name) {
      // Before the first read too: ciphertext left by an older build with a wider mode is tightened.
      await ensureDir();
      try {
        return new Uint8Array(await readFile(pathOf(name)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async write(name, data) {
      await ensureDir();
      await writeFileAtomic(pathOf(name), data, 0o600);
    },
    async remove(name) {
      await rm(pathOf(name), { force: true });
    },
    async list() {
      try {
        return (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.endsWith('.tmp'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
    },
  };
}
