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

  it('finds owners, comments, masks, filters, removed tags, renames, and new and dropped schemas, each exactly once', async () => {
    // Objects made before the first crawl, to be dropped or renamed after it. Names may hold anything but periods,
    // spaces, slashes and control characters (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-names).
    for (const sql of ['CREATE SCHEMA main.scratch', 'CREATE TABLE main.scratch.t1 (x INT)', 'CREATE TABLE main.sales.`old-name` (y STRING)']) await bench.sql(sql);
    const index = await bench.newIndex('more-changes');
    await crawl(index, 'full');
    const [orders] = await index.query("SELECT owner FROM tables WHERE catalog = 'main' AND schema = 'sales' AND name = 'orders'");
    // Statements from https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table.html
    // (OWNER TO, ALTER COLUMN … SET MASK / UNSET TAGS, SET ROW FILTER, RENAME TO), COMMENT ON, CREATE/DROP SCHEMA.
    for (const sql of [
      'ALTER TABLE main.sales.orders OWNER TO `data-analysts`',
      "COMMENT ON TABLE main.sales.orders IS 'Checkouts'",
      'ALTER TABLE main.sales.orders ALTER COLUMN channel SET MASK main.governance.mask_email',
      'ALTER TABLE main.sales.orders SET ROW FILTER main.governance.region_filter ON (region)',
      "ALTER TABLE main.sales.customers ALTER COLUMN phone UNSET TAGS ('class')",
      'ALTER TABLE main.sales.`old-name` RENAME TO main.sales.`new"na``me`',
      'DROP SCHEMA main.scratch CASCADE',
      'CREATE SCHEMA main.`ödd-schéma`',
      "CREATE TABLE main.`ödd-schéma`.`t``1'x` (z INT)",
    ]) await bench.sql(sql);
    const { diff } = await crawl(index, 'incremental');
    const [mask] = await index.query("SELECT function_name FROM column_masks WHERE table_name = 'orders' AND column_name = 'channel'");
    const [filter] = await index.query("SELECT function_name FROM row_filters WHERE table_name = 'orders'");
    expect(String(mask!.function_name)).toMatch(/mask_email$/);
    expect(String(filter!.function_name)).toMatch(/region_filter$/);
    expect(diff).toEqual({
      new: [
        { fullName: 'main.ödd-schéma', objectType: 'SCHEMA' },
        { fullName: 'main.sales.new"na`me', objectType: 'TABLE' },
        { fullName: "main.ödd-schéma.t`1'x", objectType: 'TABLE' },
      ],
      changed: [
        { fullName: 'main.sales.customers', objectType: 'TABLE', changes: [{ kind: 'tag-removed', column: 'phone', key: 'class', from: 'confidential' }] },
        {
          fullName: 'main.sales.orders',
          objectType: 'TABLE',
          changes: [
            { kind: 'column-mask', column: 'channel', from: null, to: mask!.function_name },
            { kind: 'comment', from: 'One row per checkout, online and in store', to: 'Checkouts' },
            { kind: 'owner', from: orders!.owner, to: 'data-analysts' },
            { kind: 'row-filter', from: null, to: filter!.function_name },
          ],
        },
      ],
      dropped: [
        { fullName: 'main.scratch', objectType: 'SCHEMA' },
        { fullName: 'main.sales.old-name', objectType: 'TABLE' },
        { fullName: 'main.scratch.t1', objectType: 'TABLE' },
      ],
    });
  });
});
