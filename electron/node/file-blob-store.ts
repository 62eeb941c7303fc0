import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../ports';
import { writeFileAtomic } from './atomic-write';
import { ensurePrivateDir } from './private-dir';
import { assertStoreName, fileTimestamp } from './store-names';

const ASIDE = '.corrupt-';

/**
 * Encrypted secrets, one file per name, mode 0600 in a 0700 directory, written atomically so a crash never
 * leaves a truncated ciphertext behind (which would fail to decrypt and force a new sign-in). One that cannot be
 * decrypted is renamed `<name>.corrupt-<time>`, as the key-value store does with a damaged document.
 */
export function createFileBlobStore(dir: string, now: () => number = Date.now): BlobStore {
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
    async setAside(name) {
      const aside = `${name}${ASIDE}${fileTimestamp(now())}`;
      await rename(pathOf(name), join(dir, aside));
      return aside;
    },
    async list() {
      try {
        return (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.endsWith('.tmp') && !n.includes(ASIDE));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
    },
  };
}
