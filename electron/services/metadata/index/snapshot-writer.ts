import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { CrawlRow } from '../../../../shared/metadata/crawl-rows';
import type { SnapshotRecord } from '../../../../shared/metadata/snapshot';
import { INDEX_TABLE_NAMES, INDEX_TABLES, STAGE_PREFIX, tableDdl, type IndexTable } from './index-schema';
import { unpackSql } from '../../../../shared/metadata/crawl-packing';
import { appendCells, routeRow, type AppendRow, type PackedSink } from './row-router';
import { SEARCH_TABLES, searchBuildSql } from './search-build';

/** A row of the `diff` table: `change` is new, changed or dropped; `details` the JSON list of changes. */
export interface DiffRow {
  readonly change: 'new' | 'changed' | 'dropped';
  readonly fullName: string;
  readonly objectType: string;
  readonly details: string | null;
}

/**
 * The next snapshot, written beside the current one into `stage_*` tables through appenders (rows stream in and are
 * never held), then committed by renaming them over the current tables in one transaction. Until `commit`, readers
 * see the previous snapshot; `discard` (cancel, failure) drops the stage and leaves it as it was. Both end with a
 * CHECKPOINT: the index never checkpoints on its own (metadata-index.ts), so the packed stage, dropped by then, is
 * never compressed into the file, and the log does not outgrow one crawl.
 */
export interface SnapshotWriter {
  /** Routes crawl rows of one catalog (null for metastore-wide statements) into the stage. */
  appendRows(catalog: string | null, rows: readonly CrawlRow[]): void;
  readonly append: AppendRow;
  /** Tables whose columns and tags could not be packed (see crawl-packing.ts): fetch them unpacked before `unpack`. */
  dirtyTables(): Promise<readonly { readonly catalog: string; readonly schema: string; readonly name: string }[]>;
  /**
   * Unpacks one catalog's packed columns and tags once its statement has ended, while other catalogs are still being
   * fetched (a full crawl's unpacking was most of the time between the last row fetched and the commit).
   */
  unpackCatalog(catalog: string): Promise<void>;
  /** Unpacks what is still packed into the stage (after `seal`). */
  unpack(): Promise<void>;
  /** Rows appended to a stage table so far. */
  appended(table: IndexTable): number;
  /**
   * Ends appending: each appender keeps a block per column pinned in DuckDB's memory, which the SQL that follows
   * (fingerprints, the diff) needs more than they do. Appending after this is a bug.
   */
  seal(): void;
  /** Flushes the appenders and runs SQL against the stage (fingerprints, copies from the current snapshot). */
  run(sql: string, params?: readonly (string | number | null)[]): Promise<void>;
  read(sql: string, params?: readonly (string | number | null)[]): Promise<readonly Record<string, unknown>[]>;
  commit(record: SnapshotRecord, diff: readonly DiffRow[]): Promise<void>;
  discard(): Promise<void>;
}

/**
 * `connect` gives two connections: appenders live on one, statements run on the other, so a statement (a catalog's
 * retry deleting its partial rows) never shares a connection with appends still arriving from other catalogs.
 */
/**
 * Packed columns and tags as fetched (crawl-packing.ts), and tables that must be fetched unpacked. Tags (and their
 * fingerprints) sit apart from the columns, so unpacking them reads a few MB instead of scanning the column packs
 * (hundreds of MB at 100,000 tables) through the index's small memory.
 */
const PACKED_DDL = ['packed', 'packed_tags'].map((t) => `CREATE OR REPLACE TABLE ${STAGE_PREFIX}${t} (catalog VARCHAR, kind VARCHAR, s VARCHAR, t VARCHAR, payload VARCHAR)`).join('; ');
const DROP_PACKED = ['packed', 'packed_tags', 'dirty'].map((t) => `DROP TABLE IF EXISTS ${STAGE_PREFIX}${t}`).join('; ');
const DIRTY_DDL = `CREATE OR REPLACE TABLE ${STAGE_PREFIX}dirty (catalog VARCHAR, schema VARCHAR, name VARCHAR)`;

/**
 * Bytes (roughly: text lengths, and a few dozen per row) appended between two flushes. An appender gathers its rows
 * in DuckDB's buffer memory until it flushes them into the table, and needs as much again while flushing: a count of
 * rows was no bound, since a packed table is kilobytes (a 50,000-row flush ran the index out of its 64 MB in a crawl
 * of the large seed). A few MB keeps each flush well inside the memory limit.
 */
export const FLUSH_BYTES = 4 * 1024 * 1024;
/** What a row costs beyond its texts (cell headers, numbers). */
const ROW_BYTES = 64;

/**
 * Writes the committed snapshot into the file and empties the log. Best effort: the snapshot is already durable in
 * the log, and DuckDB checkpoints what is left when the index closes.
 */
async function checkpoint(c: DuckDBConnection): Promise<void> {
  try {
    await c.run('CHECKPOINT');
  } catch {
    /* a reader's transaction can hold it off; the next commit or the close checkpoints */
  }
}

export async function beginSnapshot(connect: () => Promise<DuckDBConnection>): Promise<SnapshotWriter> {
  const c = await connect();
  const appendConnection = await connect();
  await c.run(INDEX_TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS ${STAGE_PREFIX}${t}; ${tableDdl(STAGE_PREFIX + t, t)}`).join(';\n'));
  await c.run(`${PACKED_DDL}; ${DIRTY_DDL}`);
  const appenders = new Map<IndexTable, DuckDBAppender>();
  for (const t of INDEX_TABLE_NAMES) appenders.set(t, await appendConnection.createAppender(STAGE_PREFIX + t));
  const packedAppender = await appendConnection.createAppender(`${STAGE_PREFIX}packed`);
  const packedTagsAppender = await appendConnection.createAppender(`${STAGE_PREFIX}packed_tags`);
  const dirtyAppender = await appendConnection.createAppender(`${STAGE_PREFIX}dirty`);
  const types = new Map(INDEX_TABLE_NAMES.map((t) => [t, INDEX_TABLES[t].map(([, k]) => k as string)]));
  const counts = new Map<IndexTable, number>(INDEX_TABLE_NAMES.map((t) => [t, 0]));
  let open = true;

  // Appended rows wait in the appender's transaction until a flush: flushing every so many rows keeps that bounded.
  let sinceFlush = 0;
  const grew = (bytes: number) => {
    sinceFlush += bytes;
    if (sinceFlush >= FLUSH_BYTES) flush();
  };
  const append: AppendRow = (table, cells) => {
    if (!open) throw new Error('The snapshot writer was sealed.');
    appendCells(appenders.get(table)!, types.get(table)!, cells);
    counts.set(table, counts.get(table)! + 1);
    let bytes = ROW_BYTES;
    for (const cell of cells) if (typeof cell === 'string') bytes += cell.length;
    grew(bytes);
  };
  const packed: PackedSink = {
    packed(catalog, kind, schema, table, payload) {
      if (!open) throw new Error('The snapshot writer was sealed.');
      if (payload === null) return;
      appendCells(kind === 'columns' ? packedAppender : packedTagsAppender, ['v', 'v', 'v', 'v', 'v'], [catalog, kind, schema, table, payload]);
      grew(ROW_BYTES + payload.length);
    },
    dirty(catalog, schema, table) {
      if (!open) throw new Error('The snapshot writer was sealed.');
      appendCells(dirtyAppender, ['v', 'v', 'v'], [catalog, schema, table]);
    },
  };
  const all = () => [...appenders.values(), packedAppender, packedTagsAppender, dirtyAppender];
  const flush = () => {
    sinceFlush = 0;
    if (open) for (const a of all()) a.flushSync();
  };
  const closeAppenders = () => {
    if (!open) return;
    open = false;
    for (const a of all()) a.closeSync();
  };
  // Statements on `c` one at a time, in order: a catalog's unpacking runs while workers may delete a retried
  // catalog's rows, and a DuckDB connection runs one statement at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const dropDirtyPacks = async (where: string, params: DuckDBValue[]) => {
    // A dirty table's packed rows (its other kind may have packed cleanly) give way to the unpacked fetch.
    for (const t of ['packed', 'packed_tags']) {
      await c.run(`DELETE FROM ${STAGE_PREFIX}${t} p WHERE kind IN ('columns', 'tags')${where} AND EXISTS (SELECT 1 FROM ${STAGE_PREFIX}dirty d WHERE d.catalog = p.catalog AND d.schema = p.s AND d.name = p.t)`, params);
    }
  };
  const dropStage = () => c.run(INDEX_TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS ${STAGE_PREFIX}${t}`).join(';\n'));

  return {
    append,
    seal: closeAppenders,
    dirtyTables() {
      return serial(async () => {
        flush();
        const rows = (await c.runAndReadAll(`SELECT DISTINCT catalog, schema, name FROM ${STAGE_PREFIX}dirty ORDER BY ALL`)).getRowObjectsJS();
        return rows.map((r) => ({ catalog: String(r.catalog), schema: String(r.schema), name: String(r.name) }));
      });
    },
    unpackCatalog(catalog) {
      return serial(async () => {
        flush();
        await dropDirtyPacks(' AND catalog = $1', [catalog]);
        for (const sql of unpackSql(STAGE_PREFIX, '$1')) await c.run(sql, [catalog]);
        // Its packs (most of the crawl's bytes) go now, leaving their memory to the catalogs still arriving.
        for (const t of ['packed', 'packed_tags']) await c.run(`DELETE FROM ${STAGE_PREFIX}${t} WHERE catalog = $1`, [catalog]);
      });
    },
    unpack() {
      return serial(async () => {
        await dropDirtyPacks('', []);
        for (const sql of unpackSql(STAGE_PREFIX)) await c.run(sql);
        // Unpacked: the packs go now, not at commit, leaving their memory to what follows.
        await c.run(DROP_PACKED);
      });
    },
    appendRows(catalog, rows) {
      for (const r of rows) routeRow(append, packed, catalog, r);
    },
    appended: (t) => counts.get(t)!,
    run(sql, params = []) {
      return serial(async () => {
        flush();
        await c.run(sql, params as DuckDBValue[]);
      });
    },
    read(sql, params = []) {
      return serial(async () => {
        flush();
        return (await c.runAndReadAll(sql, params as DuckDBValue[])).getRowObjectsJS();
      });
    },
    async commit(record, diff) {
      await queue;
      closeAppenders();
      await c.run(DROP_PACKED);
      await c.run(searchBuildSql(STAGE_PREFIX));
      await c.run('BEGIN TRANSACTION');
      try {
        for (const t of [...INDEX_TABLE_NAMES, ...SEARCH_TABLES]) {
          await c.run(`DROP TABLE IF EXISTS ${t}; ALTER TABLE ${STAGE_PREFIX}${t} RENAME TO ${t}`);
        }
        await c.run('DELETE FROM snapshot; INSERT INTO snapshot VALUES ($1, $2)', [record.id, JSON.stringify(record)]);
        await c.run('DELETE FROM diff');
        for (let i = 0; i < diff.length; i += 500) {
          const part = diff.slice(i, i + 500);
          await c.run(`INSERT INTO diff VALUES ${part.map((_, j) => `($${4 * j + 1}, $${4 * j + 2}, $${4 * j + 3}, $${4 * j + 4})`).join(', ')}`, part.flatMap((d) => [d.change, d.fullName, d.objectType, d.details]));
        }
        await c.run('COMMIT');
      } catch (e) {
        await c.run('ROLLBACK');
        throw e;
      }
      await checkpoint(c);
    },
    async discard() {
      await queue;
      closeAppenders();
      await dropStage();
      await c.run(DROP_PACKED);
      await c.run(SEARCH_TABLES.map((t) => `DROP TABLE IF EXISTS ${STAGE_PREFIX}${t}`).join(';\n'));
      await checkpoint(c);
    },
  };
}
