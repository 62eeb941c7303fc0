import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { systemClock } from '../../../node/system-clock';
import { crawlBench, type CrawlBench } from '../metadata.test-support';
import { runCrawl } from './run-crawl';

/**
 * The product's reliability target: with 30 % of requests answered 429 (with Retry-After) or 503, one crawl still
 * finishes, over SQL and over REST, and finds what a crawl without faults finds.
 */
let emulator: RunningEmulator;
let bench: CrawlBench;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  bench = await crawlBench(emulator);
});
afterAll(async () => {
  emulator.faults.clear();
  await bench.close();
  await emulator.stop();
});

const crawlInto = async (name: string, source: 'sql' | 'rest') => {
  const index = await bench.newIndex(name);
  const { record } = await runCrawl({ index, connection: bench.connection, httpPath: bench.httpPath, audit: false, mode: 'full', source, signal: new AbortController().signal, clock: systemClock });
  return { index, record };
};
const crawl = async (name: string, source: 'sql' | 'rest') => (await crawlInto(name, source)).record;

/** Every row of the object tables, sorted. */
async function contents(index: Awaited<ReturnType<CrawlBench['newIndex']>>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of ['catalogs', 'schemas', 'tables', 'columns', 'tags', 'grants', 'row_filters', 'column_masks']) out[t] = await index.query(`SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

describe('crawl under rate limiting', () => {
  it('finishes with the same counts when 30% of requests are refused', async () => {
    const clean = { sql: await crawl('clean-sql', 'sql'), rest: await crawl('clean-rest', 'rest') };
    emulator.faults.set({ rate429: 0.2, rate503: 0.1, retryAfterSeconds: 0, seed: 7 });
    const before = emulator.faults.counters;
    try {
      const sql = await crawl('faulty-sql', 'sql');
      const rest = await crawl('faulty-rest', 'rest');
      expect(sql.counts).toEqual(clean.sql.counts);
      expect(rest.counts).toEqual(clean.rest.counts);
    } finally {
      emulator.faults.clear();
    }
    const after = emulator.faults.counters;
    expect(after.rateLimited + after.unavailable - before.rateLimited - before.unavailable).toBeGreaterThan(20);
  }, 180_000);

  it('over REST, reads the same snapshot through pages of two items, each after an empty page with a token', async () => {
    // "A page may contain zero results while still providing a next_page_token. Clients must continue reading pages
    // until next_page_token is absent" (https://docs.databricks.com/api/workspace/schemas/list).
    const clean = await crawlInto('pages-clean', 'rest');
    emulator.faults.set({ pageSize: 2, emptyPages: 1 });
    try {
      const paged = await crawlInto('pages-small', 'rest');
      expect(await contents(paged.index)).toEqual(await contents(clean.index));
      // Every list took at least twice the requests: an empty page before each page.
      expect(paged.record.requests).toBeGreaterThan(2 * clean.record.requests);
    } finally {
      emulator.faults.clear();
    }
  }, 300_000);
});
