import { appendFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogRecord, LogSink } from './logger';
import { ensurePrivateDir } from '../node/private-dir';

export interface FileSinkOptions {
  readonly dir: string;
  readonly fileName?: string;
  /** Rotate before the file would grow past this size. */
  readonly maxBytes?: number;
  /** Rotated files kept besides the live one: `ucbridge.log.1` (newest) … `ucbridge.log.<keep>`. */
  readonly keep?: number;
}

export interface FileSink {
  readonly sink: LogSink;
  readonly path: string;
  /** Resolves once everything logged so far is on disk. */
  flush(): Promise<void>;
}

const LINE_LIMIT = 64 * 1024;

/**
 * JSON lines in `<dir>/ucbridge.log`, mode 0600 in a 0700 directory. Writes are queued and batched off the
 * caller's stack, so logging never blocks the main process on the disk; a failed write is dropped, not thrown.
 */
export function createFileSink(options: FileSinkOptions): FileSink {
  const path = join(options.dir, options.fileName ?? 'ucbridge.log');
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  let pending: string[] = [];
  let size: number | undefined;
  let chain: Promise<void> = Promise.resolve();

  async function open(): Promise<number> {
    // A log left by an older build or another tool may have a wider mode: the directory and its files are tightened.
    await ensurePrivateDir(options.dir);
    try {
      return (await stat(path)).size;
    } catch {
      return 0;
    }
  }

  async function rotate(): Promise<void> {
    await rm(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) await rename(`${path}.${i}`, `${path}.${i + 1}`).catch(() => undefined);
    await rename(path, `${path}.1`).catch(() => undefined);
    size = 0;
  }

  async function drain(): Promise<void> {
    const lines = pending;
    pending = [];
    if (lines.length === 0) return;
    size ??= await open();
    const data = lines.join('');
    const bytes = Buffer.byteLength(data);
    if (size > 0 && size + bytes > maxBytes) await rotate();
    await appendFile(path, data, { mode: 0o600 });
    size += bytes;
  }

  return {
    path,
    sink(record: LogRecord) {
      const time = new Date(record.time).toISOString();
      const line = JSON.stringify({ ...record, time });
      pending.push(`${line.length > LINE_LIMIT ? JSON.stringify({ ...record, time, fields: '[too large]' }) : line}\n`);
      if (pending.length === 1) chain = chain.then(drain).catch(() => undefined);
    },
    flush: () => chain.then(drain).catch(() => undefined),
  };
}
