import { mkdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { FileSaver } from '../ports';
import { writeFileAtomic } from './atomic-write';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The harness's and tests' "save dialog": there is no one to ask, so each export goes into one directory under a
 * name that never overwrites an earlier export (`integration.json`, `integration-2.json`, …). The name is reduced
 * to its last segment so a suggested name can never escape the directory.
 */
export function createDirectoryFileSaver(dir: string): FileSaver {
  return {
    async save({ suggestedName, content, mode }) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const safe = basename(suggestedName).replace(/[^A-Za-z0-9._-]/gu, '_') || 'export';
      const ext = extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let path = join(dir, safe);
      for (let n = 2; await exists(path); n++) path = join(dir, `${stem}-${n}${ext}`);
      await writeFileAtomic(path, content, mode);
      return path;
    },
  };
}
