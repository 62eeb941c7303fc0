import { join } from 'node:path';
import { openMetadataIndex, type IndexOptions, type MetadataIndex } from './metadata-index';

/** `adb-1.2.azuredatabricks.net` → a folder name that is the same on every platform. */
export const workspaceFolder = (host: string): string => host.toLowerCase().replace(/[^a-z0-9.-]/g, '_');

/** One open index per workspace, opened on first use and kept until `closeAll` (disconnect, quit). */
export function createIndexRegistry(dataDir: string, options: IndexOptions = {}) {
  const open = new Map<string, Promise<MetadataIndex>>();
  return {
    forHost(host: string): Promise<MetadataIndex> {
      const path = join(dataDir, workspaceFolder(host), 'index.duckdb');
      let index = open.get(path);
      if (!index) {
        index = openMetadataIndex(path, options);
        open.set(path, index);
        index.catch(() => open.delete(path));
      }
      return index;
    },
    async closeAll(): Promise<void> {
      const all = [...open.values()];
      open.clear();
      for (const p of all) await p.then((i) => i.close(), () => undefined);
    },
  };
}
export type IndexRegistry = ReturnType<typeof createIndexRegistry>;
