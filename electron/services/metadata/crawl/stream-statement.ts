import { toCrawlRow, type CrawlRow } from '../../../../shared/metadata/crawl-rows';
import type { SqlSession } from '../../connection/types';

/** Rows per `fetchChunk`: big enough that round trips do not dominate, small enough to stay a few MB in memory. */
export const CRAWL_BATCH_ROWS = 10_000;

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
