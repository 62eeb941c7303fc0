import { toCrawlRow, type CrawlRow } from '../../../../shared/metadata/crawl-rows';
import type { SqlSession } from '../../connection/types';

/**
 * Rows per `fetchChunk`. A full crawl's rows are packed tables (a table's columns in one cell, about 2 KB), so two
 * thousand of them are a few MB per statement in flight — and a tenth of a catalog's tables per round trip, so the
 * round trips do not dominate either.
 */
export const CRAWL_BATCH_ROWS = 2_000;

/**
 * Runs one crawl statement and hands its rows to `sink` batch by batch, as the driver fetches them (`fetchChunk`):
 * the result is never held whole. Each row is checked at the boundary (crawl-rows.ts). Returns the row count.
 */
export async function streamStatement(session: SqlSession, sql: string, signal: AbortSignal, sink: (rows: readonly CrawlRow[]) => void): Promise<number> {
  let n = 0;
  for await (const batch of session.stream(sql, { signal, batchSize: CRAWL_BATCH_ROWS })) {
    for (const row of batch) toCrawlRow(row);
    sink(batch as unknown as readonly CrawlRow[]);
    n += batch.length;
  }
  return n;
}
