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

const crawl = async (name: string, source: 'sql' | 'rest') =>
  (await runCrawl({ index: await bench.newIndex(name), connection: bench.connection, httpPath: bench.httpPath, audit: false, mode: 'full', source, signal: new AbortController().signal, clock: systemClock })).record;

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
});
