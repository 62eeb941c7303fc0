import { randomUUID } from 'node:crypto';
import { catalogStatement, catalogStateStatement } from '../../../../shared/metadata/crawl-statements';
import type { Diff } from '../../../../shared/metadata/diff';
import type { CrawlSource, SnapshotRecord } from '../../../../shared/metadata/snapshot';
import type { Clock } from '../../../ports';
import type { WorkspaceConnection } from '../../connection/types';
import type { MetadataIndex } from '../index/metadata-index';
import { currentSnapshot } from '../index/snapshot-record';
import { beginSnapshot, type SnapshotWriter } from '../index/snapshot-writer';
import { callerBlindSpots, stageCounts } from '../index/stage-counts';
import { diffRows, stageDiff } from '../index/stage-diff';
import { STAGE_COLUMN_COUNTS_SQL, STAGE_EMPTY_FINGERPRINTS_SQL, stageFingerprintStatements } from '../index/stage-fingerprints';
import { identifyCaller } from './caller';
import { quotaBlindSpots } from './quota-blind-spots';
import { fetchChangedDetails, fetchTableDetails } from './incremental';
import { crawlOverRest } from './rest-crawl';
import { crawlOverSql, type CrawlProgress } from './sql-crawl';

export interface RunCrawlOptions {
  readonly index: MetadataIndex;
  readonly connection: WorkspaceConnection;
  /** The warehouse the SQL crawl runs on. */
  readonly httpPath: string;
  readonly audit: boolean;
  /** `incremental` re-reads only what changed since the current snapshot (a full crawl when there is none). */
  readonly mode: 'full' | 'incremental';
  readonly source: CrawlSource;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  /** Catalog statements in flight at once (default CATALOG_CONCURRENCY). */
  readonly concurrency?: number;
  readonly onProgress?: (p: CrawlProgress) => void;
  /** Default 5 minutes (see WATERMARK_MARGIN_MS). */
  readonly watermarkMarginMs?: number;
}

export interface CrawlOutcome {
  readonly record: SnapshotRecord;
  /** Against the previous snapshot; null when there was none. */
  readonly diff: Diff | null;
  /** Tables whose columns and tags a re-crawl fetched (all of them in a full crawl). */
  readonly refetched: number;
}

/**
 * Re-crawls read `last_altered` against the previous crawl's start: its server time less this margin, so a table
 * altered while that crawl ran is read again rather than missed. Re-reading a few tables too many costs nothing in
 * exactness: the diff compares contents, not times.
 */
const WATERMARK_MARGIN_MS = 5 * 60_000;

/**
 * Catalog statements in flight at once: the top of the 2–4 concurrent statements of governance-steps-3-4.md §4.2.
 * Each holds one warehouse session and streams a few MB at a time (CRAWL_BATCH_ROWS).
 */
export const CATALOG_CONCURRENCY = 4;

/**
 * One crawl into a new snapshot of the index: written to the stage while it runs, committed at the end together
 * with its diff against the previous snapshot. Cancelled or failed, the stage is dropped and the previous snapshot
 * stays exactly as it was.
 */
export async function runCrawl(o: RunCrawlOptions): Promise<CrawlOutcome> {
  const startedAt = o.clock.now();
  const previous = await currentSnapshot(o.index);
  const incremental = o.mode === 'incremental' && previous !== null && o.source === 'sql';
  const caller = await identifyCaller(o.connection, o.signal);
  return o.index.exclusive(async (connect) => {
    const writer = await beginSnapshot(connect);
    try {
      const sql = () => o.connection.sql(o.httpPath);
      let statements = 0;
      let requests = 0;
      let serverNow = startedAt;
      let refetched = -1;
      let crawled: { blindSpots: readonly SnapshotRecord['blindSpots'][number][] };
      if (o.source === 'sql') {
        serverNow = await warehouseNow(sql, o.signal, startedAt);
        const r = await crawlOverSql({
          writer, openSession: sql, signal: o.signal, clock: o.clock, audit: o.audit,
          concurrency: o.concurrency ?? CATALOG_CONCURRENCY,
          statementFor: incremental ? catalogStateStatement : catalogStatement,
          // A full crawl's catalogs arrive packed (crawl-packing.ts): each is unpacked while the next ones are fetched.
          ...(incremental ? {} : { onCatalogDone: (catalog: string) => writer.unpackCatalog(catalog) }),
          ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        });
        statements = r.statements + 1;
        crawled = r;
        const details = { writer, openSession: sql, concurrency: o.concurrency ?? CATALOG_CONCURRENCY, signal: o.signal, clock: o.clock, onStatement: () => statements++ };
        o.onProgress?.({ phase: 'details', catalogsDone: r.catalogs.length, catalogsTotal: r.catalogs.length, tables: writer.appended('tables'), columns: writer.appended('columns') });
        if (incremental) refetched = await fetchChangedDetails({ ...details, watermark: previous.watermark });
        else {
          // The few tables whose names or comments hold the packing separators come unpacked (crawl-packing.ts).
          await fetchTableDetails({ ...details, tables: await writer.dirtyTables() });
          writer.seal();
          await writer.unpack();
        }
      } else {
        const r = await crawlOverRest({ writer, rest: o.connection.rest, signal: o.signal, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
        requests = r.requests;
        crawled = r;
      }
      o.onProgress?.({ phase: 'index', catalogsDone: 0, catalogsTotal: 0, tables: writer.appended('tables'), columns: writer.appended('columns') });
      writer.seal();
      if (o.source === 'rest') {
        // Over REST nothing comes fingerprinted or counted: the index computes both, with the warehouse's formula.
        for (const { catalog } of await writer.read('SELECT DISTINCT catalog FROM stage_tables ORDER BY 1')) {
          for (const statement of stageFingerprintStatements()) await writer.run(statement, [String(catalog)]);
        }
        await writer.run(STAGE_COLUMN_COUNTS_SQL);
      }
      await writer.run(STAGE_EMPTY_FINGERPRINTS_SQL);
      const diff = previous === null ? null : await stageDiff(writer);
      const record: SnapshotRecord = {
        id: `crawl-${startedAt}-${randomUUID().slice(0, 8)}`,
        workspaceHost: o.connection.workspace.host,
        crawledBy: caller.userName,
        source: o.source,
        mode: incremental ? 'incremental' : 'full',
        startedAt,
        finishedAt: o.clock.now(),
        watermark: serverNow - (o.watermarkMarginMs ?? WATERMARK_MARGIN_MS),
        counts: await stageCounts(writer),
        blindSpots: [...(await callerBlindSpots(writer, caller)), ...(await quotaBlindSpots(o.connection.rest, caller.metastoreId, writer, o.signal)), ...crawled.blindSpots],
        statements,
        requests,
        auditIncluded: o.audit && o.source === 'sql',
      };
      if (o.signal.aborted) throw o.signal.reason;
      await writer.commit(record, diff === null ? [] : diffRows(diff));
      return { record, diff, refetched: refetched < 0 ? record.counts.tables : refetched };
    } catch (e) {
      await discardQuietly(writer);
      throw e;
    }
  });
}

async function discardQuietly(writer: SnapshotWriter): Promise<void> {
  try {
    await writer.discard();
  } catch {
    /* the stage is dropped again at the start of the next crawl */
  }
}

/** The warehouse's clock (last_altered is its time, not ours). */
async function warehouseNow(open: () => ReturnType<WorkspaceConnection['sql']>, signal: AbortSignal, fallback: number): Promise<number> {
  const session = await open();
  try {
    const [row] = await session.execute('SELECT unix_millis(current_timestamp()) AS now', { signal });
    const now = Number(row?.now);
    return Number.isFinite(now) ? now : fallback;
  } finally {
    await session.close();
  }
}
