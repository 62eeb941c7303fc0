import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { systemClock } from '../../../node/system-clock';
import { lastDiff } from '../index/snapshot-record';
import { crawlBench, type CrawlBench } from '../metadata.test-support';
import { runCrawl } from './run-crawl';

/** Re-crawl against the previous snapshot: exact after create, alter, tag, drop and drop-and-recreate. */
let emulator: RunningEmulator;
let bench: CrawlBench;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  bench = await crawlBench(emulator);
});
afterAll(async () => {
  await bench.close();
  await emulator.stop();
});

const crawl = (index: Awaited<ReturnType<CrawlBench['newIndex']>>, mode: 'full' | 'incremental') =>
  runCrawl({ index, connection: bench.connection, httpPath: bench.httpPath, audit: false, mode, source: 'sql', signal: new AbortController().signal, clock: systemClock, watermarkMarginMs: 0 });

describe('re-crawl', () => {
  it('reports nothing when nothing changed, and fetches no table again', async () => {
    const index = await bench.newIndex('quiet');
    await crawl(index, 'full');
    const again = await crawl(index, 'incremental');
    expect(again.record.mode).toBe('incremental');
    expect(again.diff).toEqual({ new: [], changed: [], dropped: [] });
    expect(again.refetched).toBe(0);
  });

  it('finds exactly what changed: new, altered, tagged, dropped, and dropped-and-recreated tables', async () => {
    const index = await bench.newIndex('changes');
    const { record: before } = await crawl(index, 'full');
    for (const sql of [
      "CREATE TABLE main.marketing.`promo``codes'ü_2026` (code STRING, discount_pct DOUBLE)",
      'ALTER TABLE main.sales.orders ADD COLUMN promo_code STRING',
      "ALTER TABLE main.sales.stores ALTER COLUMN city SET TAGS ('pii' = 'address')",
      "ALTER TABLE main.sales.customers SET TAGS ('domain' = 'crm')",
      'DROP TABLE main.sales.returns',
      'DROP TABLE raw.web.clickstream_raw',
      'CREATE TABLE raw.web.clickstream_raw (event_id STRING)',
    ]) await bench.sql(sql);
    const { diff, record, refetched } = await crawl(index, 'incremental');
    expect(diff).toEqual({
      new: [{ fullName: "main.marketing.promo`codes'ü_2026", objectType: 'TABLE' }, { fullName: 'raw.web.clickstream_raw', objectType: 'TABLE' }],
      changed: [
        { fullName: 'main.sales.customers', objectType: 'TABLE', changes: [{ kind: 'tag-set', column: null, key: 'domain', from: 'sales', to: 'crm' }] },
        { fullName: 'main.sales.orders', objectType: 'TABLE', changes: [{ kind: 'column-added', column: 'promo_code', type: 'string' }] },
        { fullName: 'main.sales.stores', objectType: 'TABLE', changes: [{ kind: 'tag-set', column: 'city', key: 'pii', from: null, to: 'address' }] },
      ],
      dropped: [{ fullName: 'main.sales.returns', objectType: 'TABLE' }, { fullName: 'raw.web.clickstream_raw', objectType: 'TABLE' }],
    });
    expect(await lastDiff(index)).toEqual(diff);
    // The new, the recreated, the altered and the re-tagged ones; nothing else.
    expect(refetched).toBe(5);
    expect(record.counts.tables).toBe(before.counts.tables);
    const [cols] = await index.query("SELECT count(*) AS n FROM columns WHERE catalog = 'main' AND schema = 'sales' AND table_name = 'orders' AND name = 'promo_code'");
    expect(cols!.n).toBe(1);
  });
});
