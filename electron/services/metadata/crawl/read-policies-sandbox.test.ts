import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSide } from '../../../../emulator/catalog/catalog-side';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { systemClock } from '../../../node/system-clock';
import { crawlBench, enableSystemTables, type CrawlBench } from '../metadata.test-support';
import { runCrawl } from './run-crawl';

/**
 * ABAC policies where `system.information_schema.abac_policy_definitions` does not exist: the view is in Public
 * Preview (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/abac_policy_definitions), so a
 * workspace may not have it yet. The crawl then lists each catalog's policies with SHOW POLICIES ON CATALOG (columns
 * Policy Name, Policy Type, Catalog, Schema, Table, Comment:
 * https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-show-policies), which names a policy
 * attached to the catalog but not its MATCH COLUMNS or WHEN, and says what it could not learn. The docs do not say
 * whether SHOW POLICIES ON CATALOG also lists the policies of the catalog's schemas and tables; the sandbox lists the
 * catalog's own, and the crawl reports schema- and table-level ones as unknown.
 */
let emulator: RunningEmulator;
let bench: CrawlBench;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined, catalogSide: createCatalogSide({ abacPolicyView: false }) });
  bench = await crawlBench(emulator);
  await enableSystemTables(bench.connection, emulator.sandbox.metastoreId, bench.httpPath);
  await bench.sql("CREATE POLICY pii_email_main ON CATALOG main COLUMN MASK main.governance.mask_email TO `account users` FOR TABLES MATCH COLUMNS hasTagValue('pii', 'email') AS e ON COLUMN e");
});
afterAll(async () => {
  await bench.close();
  await emulator.stop();
});

describe('ABAC policies without the abac_policy_definitions view', () => {
  it('falls back to SHOW POLICIES per catalog and says schema- and table-level policies are unknown', async () => {
    await expect(bench.sql('SELECT * FROM system.information_schema.abac_policy_definitions')).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    const index = await bench.newIndex('show-policies');
    const { record } = await runCrawl({
      index, connection: bench.connection, httpPath: bench.httpPath, audit: false, mode: 'full', source: 'sql',
      signal: new AbortController().signal, clock: systemClock,
    });
    expect(await index.query('SELECT catalog, schema, table_name, name, policy_type, on_type, match_columns, when_condition FROM policies')).toEqual([
      { catalog: 'main', schema: null, table_name: null, name: 'pii_email_main', policy_type: 'COLUMN_MASK', on_type: 'CATALOG', match_columns: null, when_condition: null },
    ]);
    expect(record.counts.policies).toBe(1);
    expect(record.blindSpots).toEqual([
      { code: 'policies-unavailable', catalog: null, message: expect.stringMatching(/^Only catalog-level ABAC policies could be listed \(SHOW POLICIES\); schema- and table-level ones are not known: .*TABLE_OR_VIEW_NOT_FOUND/) },
    ]);
    // catalogs + one per catalog + lineage + the view's statement + one SHOW POLICIES per catalog + the warehouse clock.
    expect(record.statements).toBe(1 + record.counts.catalogs + 1 + 1 + record.counts.catalogs + 1);
  });
});
