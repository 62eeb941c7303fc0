import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { systemClock } from '../../../node/system-clock';
import { currentSnapshot } from '../index/snapshot-record';
import { crawlBench, enableSystemTables, type CrawlBench } from '../metadata.test-support';
import { runCrawl } from './run-crawl';
import { quoteLiteral } from '../../../../shared/sql/quote';
import { AppFailure } from '../../../../shared/result';
import type { WorkspaceConnection } from '../../connection/types';

/** The bulk crawl against the sandbox (demo seed) through the real driver, into a real DuckDB index. */
let emulator: RunningEmulator;
let bench: CrawlBench;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  bench = await crawlBench(emulator);
  await enableSystemTables(bench.connection, emulator.sandbox.metastoreId, bench.httpPath);
  // An ABAC mask by tag (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy).
  // Names, comments and tag values holding the characters packing separates with: these tables come unpacked.
  await bench.sql(`CREATE TABLE main.marketing.odd_separators (\`a\u001fb\` STRING COMMENT ${quoteLiteral('x\u001ey')}, plain INT)`);
  await bench.sql(`ALTER TABLE main.marketing.odd_separators ALTER COLUMN plain SET TAGS ('note' = ${quoteLiteral('p\u001fq')})`);
  await bench.sql("CREATE POLICY pii_email ON SCHEMA main.sales COLUMN MASK main.governance.mask_email TO `account users` FOR TABLES MATCH COLUMNS hasTagValue('pii', 'email') AS e ON COLUMN e");
});
afterAll(async () => {
  await bench.close();
  await emulator.stop();
});

const count = async (sql: string): Promise<number> => Number(Object.values((await bench.sql(sql))[0]!)[0]);
const crawl = (index: Awaited<ReturnType<CrawlBench['newIndex']>>, o: { source?: 'sql' | 'rest'; mode?: 'full' | 'incremental'; signal?: AbortSignal; onProgress?: Parameters<typeof runCrawl>[0]['onProgress'] } = {}) =>
  runCrawl({
    index, connection: bench.connection, httpPath: bench.httpPath, audit: true, mode: o.mode ?? 'full', source: o.source ?? 'sql',
    signal: o.signal ?? new AbortController().signal, clock: systemClock, ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });

/** Every row of the object tables, sorted: two snapshots of one metastore must agree on all of it. */
async function contents(index: Awaited<ReturnType<CrawlBench['newIndex']>>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of ['catalogs', 'schemas', 'tables', 'columns', 'tags', 'grants', 'row_filters', 'column_masks']) out[t] = await index.query(`SELECT * FROM ${t} ORDER BY ALL`);
  return out;
}

describe('crawl over SQL', () => {
  it('finds what information_schema shows the installer, in one statement per catalog', async () => {
    const index = await bench.newIndex('sql');
    const { record } = await crawl(index);
    const where = "WHERE table_catalog <> 'system' AND table_schema <> 'information_schema'";
    expect(record.counts.catalogs).toBe(await count("SELECT count(*) FROM system.information_schema.catalogs WHERE catalog_name <> 'system'"));
    expect(record.counts.schemas).toBe(await count("SELECT count(*) FROM system.information_schema.schemata WHERE catalog_name <> 'system' AND schema_name <> 'information_schema'"));
    expect(record.counts.tables).toBe(await count(`SELECT count(*) FROM system.information_schema.tables ${where}`));
    expect(record.counts.columns).toBe(await count(`SELECT count(*) FROM system.information_schema.columns ${where}`));
    const tags = await Promise.all(['catalog_tags', 'schema_tags', 'table_tags', 'column_tags'].map((v) => count(`SELECT count(*) FROM system.information_schema.${v} WHERE catalog_name <> 'system'`)));
    expect(record.counts.tags).toBe(tags.reduce((a, b) => a + b, 0));
    expect(record.counts.masks).toBe(await count('SELECT count(*) FROM system.information_schema.column_masks'));
    expect(record.counts.rowFilters).toBe(await count('SELECT count(*) FROM system.information_schema.row_filters'));
    expect(record.counts.tables).toBeGreaterThan(40);
    expect(await index.query("SELECT name, comment FROM columns WHERE table_name = 'odd_separators' ORDER BY ordinal")).toEqual([
      { name: 'a\u001fb', comment: 'x\u001ey' },
      { name: 'plain', comment: null },
    ]);
    expect(await index.query("SELECT column_name, tag_value FROM tags WHERE table_name = 'odd_separators'")).toEqual([{ column_name: 'plain', tag_value: 'p\u001fq' }]);
    expect(record.counts.masks).toBeGreaterThan(0);
    expect(record.counts.lineageEdges).toBeGreaterThan(0);
    // catalogs + one per catalog + lineage + audit + ABAC policies + the warehouse clock + the one unpacked table.
    expect(record.statements).toBe(1 + record.counts.catalogs + 2 + 1 + 1 + 1);
    expect(record.blindSpots).toEqual([]);
    expect(await index.query('SELECT catalog, schema, table_name, name, policy_type, on_type, match_columns FROM policies')).toEqual([
      { catalog: 'main', schema: 'sales', table_name: null, name: 'pii_email', policy_type: 'COLUMN_MASK', on_type: 'SCHEMA', match_columns: "hasTagValue('pii', 'email') AS e" },
    ]);
    const [grants] = await index.query("SELECT count(*) AS n FROM grants WHERE kind = 'SCHEMA' AND catalog = 'main' AND schema = 'sales' AND grantee = 'data-analysts'");
    expect(grants!.n).toBe(2); // USE SCHEMA and SELECT, granted directly; catalog grants are not copied down
  });

  it('keeps the previous snapshot when a crawl is cancelled', async () => {
    const index = await bench.newIndex('cancel');
    const { record: before } = await crawl(index);
    const controller = new AbortController();
    const crawling = crawl(index, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'catalog' && p.catalogsDone >= 1) controller.abort(new Error('cancelled by the test'));
      },
    });
    await expect(crawling).rejects.toThrow();
    expect(await currentSnapshot(index)).toEqual(before);
    const [tables] = await index.query('SELECT count(*) AS n FROM tables');
    expect(tables!.n).toBe(before.counts.tables);
    const stages = await index.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'stage_%'");
    expect(stages[0]!.n).toBe(0);
  });

  it('reads a catalog again from scratch when its stream fails half-way, with nothing twice', async () => {
    const clean = await bench.newIndex('retry-clean');
    await crawl(clean);
    // The first time the statement for `main` runs, it hands over its first rows and then loses its connection.
    let failed = false;
    const flaky: WorkspaceConnection = {
      ...bench.connection,
      async sql(httpPath) {
        const session = await bench.connection.sql(httpPath);
        return {
          ...session,
          execute: (sql, options) => session.execute(sql, options),
          close: () => session.close(),
          async *stream(sql, options) {
            for await (const rows of session.stream(sql, options)) {
              yield rows;
              if (!failed && sql.includes("'main'") && /table_packed/.test(JSON.stringify(rows))) {
                failed = true;
                throw new AppFailure({ code: 'NETWORK', message: 'The connection was reset (test).' });
              }
            }
          },
        };
      },
    };
    const retried = await bench.newIndex('retry-flaky');
    await runCrawl({ index: retried, connection: flaky, httpPath: bench.httpPath, audit: true, mode: 'full', source: 'sql', signal: new AbortController().signal, clock: systemClock });
    expect(failed).toBe(true);
    expect(await contents(retried)).toEqual(await contents(clean));
  });

  it('falls back to REST with the same snapshot, lineage aside (it needs SQL)', async () => {
    const [sql, rest] = [await bench.newIndex('same-sql'), await bench.newIndex('same-rest')];
    await crawl(sql);
    const { record } = await crawl(rest, { source: 'rest' });
    expect(await contents(rest)).toEqual(await contents(sql));
    expect(record.counts.lineageEdges).toBe(0);
    expect(record.requests).toBeGreaterThan(record.counts.tables);
    expect(record.blindSpots.map((b) => b.code)).toEqual(['rest-fallback']);
  });

  it('says what an identity that is not a metastore admin cannot see', async () => {
    const analyst = await crawlBench(emulator, 'siobhan.obrien@lakeside.example');
    try {
      const { record } = await runCrawl({ index: await analyst.newIndex('analyst'), connection: analyst.connection, httpPath: analyst.httpPath, audit: false, mode: 'full', source: 'sql', signal: new AbortController().signal, clock: systemClock });
      const codes = record.blindSpots.map((b) => b.code);
      expect(codes).toContain('not-metastore-admin');
      expect(codes).toContain('grants-partial');
      const hidden = record.blindSpots.find((b) => b.code === 'hidden-objects')!;
      const total = await count("SELECT count(*) FROM system.information_schema.tables WHERE table_catalog <> 'system' AND table_schema <> 'information_schema'");
      expect(hidden.message).toContain(`The metastore holds about ${total} tables and the crawl could see ${record.counts.tables}`);
      expect(hidden.message).toMatch(/Most are in hr\./);
    } finally {
      await analyst.close();
    }
  });
});
