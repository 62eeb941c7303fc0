import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogSnapshot } from './snapshot';

const FILE = 'catalog.json';

export async function readSnapshot(dir: string): Promise<CatalogSnapshot | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, FILE), 'utf8')) as CatalogSnapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The Unity Catalog state in ${join(dir, FILE)} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Saves the model shortly after changes stop (debounced), writing a temporary file and renaming it so a crash
 * never leaves half a snapshot; `flush()` saves at once (on stop).
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly dir: string,
    private readonly take: () => CatalogSnapshot,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 250).unref();
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const body = JSON.stringify(this.take());
    this.writing = this.writing.then(async () => {
      const tmp = join(this.dir, `${FILE}.tmp`);
      await writeFile(tmp, body);
      await rename(tmp, join(this.dir, FILE));
    }).catch(this.onError);
    return this.writing;
  }
}
