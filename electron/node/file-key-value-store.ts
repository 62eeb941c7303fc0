import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyValueStore, Logger } from '../ports';
import { writeFileAtomic } from './atomic-write';
import { ensurePrivateDir } from './private-dir';
import { assertStoreName, fileTimestamp } from './store-names';

export interface FileKeyValueStoreOptions {
  /** e.g. `<userData>/state`. Made 0700, its files 0600 (private-dir.ts). */
  readonly dir: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface OpenedKeyValueStore {
  readonly store: KeyValueStore;
  /** Plain-language notices about documents that had to be set aside (for `app.info`'s start-up notices). */
  notices(): readonly string[];
}

const SUFFIX = '.json';

/**
 * One pretty-printed JSON document per key. Every document is checked when the store opens: one that cannot be
 * read or parsed is renamed to `<key>.json.corrupt-<time>` (kept for support, never deleted) and reported as a
 * notice, and the app starts without it. A document that goes bad while running is handled the same way.
 */
export async function openFileKeyValueStore(options: FileKeyValueStoreOptions): Promise<OpenedKeyValueStore> {
  const { dir, logger } = options;
  const now = options.now ?? Date.now;
  const notices: string[] = [];
  const pathOf = (key: string): string => {
    assertStoreName('key', key);
    return join(dir, key + SUFFIX);
  };

  async function setAside(key: string, reason: string): Promise<void> {
    const backup = `${key}${SUFFIX}.corrupt-${fileTimestamp(now())}`;
    try {
      await rename(join(dir, key + SUFFIX), join(dir, backup));
    } catch (e) {
      logger.warn('could not move a damaged document aside', { key, error: e });
    }
    const notice =
      `Saved state "${key}" ${reason}, so ucbridge continued without it. ` +
      `The damaged file was kept as ${backup}.`;
    notices.push(notice);
    logger.warn(notice);
  }

  async function read(key: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(pathOf(key), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      await setAside(key, `could not be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // The parser's message quotes the document; the notice must not.
      await setAside(key, 'was damaged (not valid JSON)');
      return undefined;
    }
  }

  async function keys(): Promise<readonly string[]> {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.')).map((n) => n.slice(0, -SUFFIX.length));
  }

  await ensurePrivateDir(dir);
  for (const name of await readdir(dir)) {
    // Left by a crash between write and rename; the document itself is intact.
    if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
  }
  for (const key of await keys()) await read(key);

  const store: KeyValueStore = {
    get: read,
    async set(key, value) {
      const text = JSON.stringify(value, null, 2);
      if (text === undefined) throw new TypeError(`Cannot store ${typeof value} under "${key}"`);
      await writeFileAtomic(pathOf(key), `${text}\n`);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    keys,
  };
  return { store, notices: () => [...notices] };
}
