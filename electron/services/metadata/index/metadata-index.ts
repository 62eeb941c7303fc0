import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AppFailure } from '../../../../shared/result';
import { indexDdl } from './index-schema';

/** A row as read from the index: BIGINTs arrive as numbers (epoch ms and counts fit). */
export type IndexRow = Readonly<Record<string, string | number | boolean | null>>;
export type IndexParam = string | number | boolean | null;

/**
 * One workspace's metadata index: a DuckDB database file under the app's data folder. DuckDB rather than SQLite:
 * the project already ships it (the sandbox uses it), it takes rows through appenders at a million a second, runs
 * the tree counts, coverage and diff as columnar SQL, and Node 20 (which the tests run on) has no built-in SQLite.
 * Its full-text extension is downloaded on first use, which an offline desktop app cannot count on, so search is
 * built from DuckDB's own string functions (search-queries.ts).
 *
 * Memory is capped (`memory_limit`) so a crawl of two million columns keeps the app small: DuckDB spills to its
 * temporary directory beside the file instead of growing. Reads take a connection of their own from a small pool
 * (a DuckDB connection runs one statement at a time); writes are serialized by `exclusive`.
 */
export interface MetadataIndex {
  readonly path: string;
  /** Runs one read statement with `$1`-style parameters and returns its rows. */
  query(sql: string, params?: readonly IndexParam[]): Promise<readonly IndexRow[]>;
  /**
   * Runs one read statement and hands its rows to `onRows` a chunk (DuckDB's 2,048 rows) at a time, as DuckDB
   * streams them: for results as long as the tables (100,000 rows at the large seed), which `query` would hold whole,
   * DuckDB's copy and a JS object per row at once.
   */
  each(sql: string, params: readonly IndexParam[], onRows: (rows: readonly IndexRow[]) => void): Promise<void>;
  /**
   * Runs `work` after every other exclusive work has finished (writes are serialized). `connect` opens connections
   * for it (appenders and statements need separate ones to run side by side); they are closed when it ends.
   */
  exclusive<T>(work: (connect: () => Promise<DuckDBConnection>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface IndexOptions {
  /** DuckDB's buffer limit; default 64 MB (the app's whole crawl must stay under 300 MB, product.md). */
  readonly memoryLimitMB?: number;
  readonly threads?: number;
}

/** Far above one crawl's log (the large seed writes about half a GB): only explicit checkpoints run. */
const WAL_BEFORE_CHECKPOINT = '16GB';

const jsValue = (v: unknown): string | number | boolean | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
};

export async function openMetadataIndex(path: string, options: IndexOptions = {}): Promise<MetadataIndex> {
  await mkdir(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      threads: String(options.threads ?? 2),
      memory_limit: `${options.memoryLimitMB ?? 64}MB`,
      preserve_insertion_order: 'false',
      // No automatic checkpoint while a crawl writes its stage: a checkpoint compresses whole row groups in memory,
      // and the stage's packed columns (kilobytes a row) made one take 200 MB beyond the limit. The snapshot
      // writer checkpoints once the stage is committed or dropped (snapshot-writer.ts).
      checkpoint_threshold: WAL_BEFORE_CHECKPOINT,
    });
  } catch (e) {
    throw new AppFailure({
      code: 'STORAGE',
      message: 'ucbridge could not open its metadata index.',
      hint: /lock/i.test(String(e)) ? 'Another ucbridge (the app or the CLI) has it open: close that one, or give the CLI its own --data-dir.' : 'Check that the data folder is writable and the disk is not full.',
    });
  }
  const setup = await instance.connect();
  await setup.run(indexDdl());
  setup.closeSync();
  const idle: DuckDBConnection[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const borrow = async (): Promise<DuckDBConnection> => idle.pop() ?? (await instance.connect());
  const giveBack = (c: DuckDBConnection): void => {
    if (closed || idle.length >= 4) c.closeSync();
    else idle.push(c);
  };

  return {
    path,
    async query(sql, params = []) {
      if (closed) throw new AppFailure({ code: 'STORAGE', message: 'The metadata index is closed.' });
      const c = await borrow();
      try {
        const reader = await c.runAndReadAll(sql, params as DuckDBValue[]);
        return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsValue(v)])));
      } finally {
        giveBack(c);
      }
    },
    async each(sql, params, onRows) {
      if (closed) throw new AppFailure({ code: 'STORAGE', message: 'The metadata index is closed.' });
      const c = await borrow();
      try {
        const result = await c.stream(sql, params as DuckDBValue[]);
        const names = result.deduplicatedColumnNames();
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          onRows(chunk.getRowObjects(names).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsValue(v)]))));
        }
      } finally {
        giveBack(c);
      }
    },
    exclusive(work) {
      const next = queue.then(async () => {
        const opened: DuckDBConnection[] = [];
        const connect = async () => {
          const c = await instance.connect();
          opened.push(c);
          return c;
        };
        try {
          return await work(connect);
        } finally {
          for (const c of opened) c.closeSync();
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      if (closed) return;
      await queue;
      closed = true;
      for (const c of idle.splice(0)) c.closeSync();
      instance.closeSync();
    },
  };
}
