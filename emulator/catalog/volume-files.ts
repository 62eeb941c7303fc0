import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredFile {
  readonly bytes: Buffer;
  readonly modified: Date;
}

/**
 * Bytes behind the Files API (`/api/2.0/fs/files/Volumes/…`, reference §4.10): on disk under
 * `<dataDir>/volumes/<volume-id>/…` when the sandbox persists, in memory otherwise. Keys are volume ids, so a
 * renamed volume keeps its files and a dropped one loses them.
 */
export class VolumeFiles {
  private readonly memory = new Map<string, StoredFile>();

  constructor(private readonly root: string | undefined) {}

  private key(volumeId: string, path: string): string {
    return `${volumeId}/${path}`;
  }

  async put(volumeId: string, path: string, bytes: Buffer): Promise<void> {
    if (this.root === undefined) {
      this.memory.set(this.key(volumeId, path), { bytes, modified: new Date() });
      return;
    }
    const file = join(this.root, volumeId, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }

  async get(volumeId: string, path: string): Promise<StoredFile | undefined> {
    if (this.root === undefined) return this.memory.get(this.key(volumeId, path));
    const file = join(this.root, volumeId, path);
    try {
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      return info.isFile() ? { bytes, modified: info.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  async delete(volumeId: string, path: string): Promise<boolean> {
    if (this.root === undefined) return this.memory.delete(this.key(volumeId, path));
    const existing = await this.get(volumeId, path);
    if (!existing) return false;
    await rm(join(this.root, volumeId, path));
    return true;
  }

  async dropVolume(volumeId: string): Promise<void> {
    for (const key of [...this.memory.keys()]) if (key.startsWith(`${volumeId}/`)) this.memory.delete(key);
    if (this.root !== undefined) await rm(join(this.root, volumeId), { recursive: true, force: true });
  }
}
