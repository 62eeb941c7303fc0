import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { enableSystemTables, runningWarehouse } from './metadata.test-support';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp } from '../integration/integration.test-support';

/** Step 4's channels through the gateway (composeMain, real driver, real index) on the sandbox's demo seed. */
let emulator: RunningEmulator;
let main: ComposedApp;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
  const connection = main.app.session.requireConnection();
  await enableSystemTables(connection, emulator.sandbox.metastoreId, runningWarehouse(emulator));
  const session = await connection.sql(runningWarehouse(emulator));
  // An ABAC mask by tag on main.sales (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy).
  await session.execute("CREATE POLICY pii_email ON SCHEMA main.sales COLUMN MASK main.governance.mask_email TO `account users` FOR TABLES MATCH COLUMNS hasTagValue('pii', 'email') AS e ON COLUMN e");
  await session.close();
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

const value = async (channel: string, input: unknown = {}) => {
  const r = await main.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

describe('metadata channels', () => {
  it('crawls over REST when no warehouse is set, then over SQL once the integration names one', async () => {
    const rest = await value('metadata.crawl', { taskId: taskId('crawl'), mode: 'full' });
    expect(rest.snapshot.source).toBe('rest');
    expect(rest.diff).toBeNull();
    expect((await value('integration.saveSettings', { settings: sandboxSettings(emulator) })).status).toBe('configured');
    const id = taskId('crawl');
    const sql = await value('metadata.crawl', { taskId: id, mode: 'full' });
    expect(sql.snapshot.source).toBe('sql');
    expect(sql.diff).toEqual({ new: [], changed: [], dropped: [] });
    const progress = main.events.filter((e) => e.name === 'metadata.crawl' && e.payload.taskId === id);
    expect(progress.at(-1)!.payload.tables).toBe(sql.snapshot.counts.tables);
    expect(main.events.some((e) => e.name === 'task.progress' && e.payload.taskId === id && e.payload.state === 'succeeded')).toBe(true);
  });

  it('pages the tree with counts, and filters it by tag', async () => {
    const catalogs = await value('metadata.children', { parent: [] });
    expect(catalogs.nodes.map((n: { name: string }) => n.name)).toEqual(['analytics', 'finance', 'hr', 'main', 'raw']);
    const main_ = catalogs.nodes.find((n: { name: string }) => n.name === 'main');
    expect(main_).toMatchObject({ kind: 'CATALOG', path: ['main'], children: 4, tags: [{ key: 'business_unit', value: 'main' }], selection: null });
    const sales = await value('metadata.children', { parent: ['main', 'sales'], limit: 3, offset: 1 });
    expect(sales.total).toBe(main_.tables - (await value('metadata.children', { parent: ['main'] })).nodes.filter((n: { name: string }) => n.name !== 'sales').reduce((a: number, n: { tables: number }) => a + n.tables, 0));
    expect(sales.nodes).toHaveLength(3);
    const pii = await value('metadata.children', { parent: ['main'], filter: { tag: { key: 'pii', value: 'email' } } });
    expect(pii.nodes.map((n: { name: string; tables: number }) => [n.name, n.tables])).toEqual([['marketing', 2], ['sales', 2]]);
  });

  it('filters the tree by type and by owner, counting only the tables that pass, as information_schema shows them', async () => {
    const session = await main.app.session.requireConnection().sql(runningWarehouse(emulator));
    const perCatalog = async (where: string) =>
      (await session.execute(`SELECT table_catalog AS c, count(*) AS n FROM system.information_schema.tables WHERE ${where} AND table_catalog <> 'system' AND table_schema <> 'information_schema' GROUP BY 1 ORDER BY 1`)).map((r) => [r.c, Number(r.n)]);
    try {
      const views = await value('metadata.children', { parent: [], filter: { types: ['VIEW'] } });
      const expectedViews = await perCatalog("table_type = 'VIEW'");
      expect(expectedViews.length).toBeGreaterThan(0);
      expect(views.nodes.map((n: { name: string; tables: number }) => [n.name, n.tables])).toEqual(expectedViews);
      // The owner of the fewest tables, typed in another case (owners match case-insensitively, as principals do).
      const [{ owner }] = (await session.execute("SELECT table_owner AS owner, count(*) AS n FROM system.information_schema.tables WHERE table_catalog <> 'system' AND table_schema <> 'information_schema' GROUP BY 1 ORDER BY 2, 1 LIMIT 1")) as [{ owner: string }];
      const owned = await value('metadata.children', { parent: [], filter: { owner: owner.toUpperCase() } });
      const all = await value('metadata.children', { parent: [] });
      const sum = (p: typeof all) => (p.nodes as { tables: number }[]).reduce((a, n) => a + n.tables, 0);
      expect(sum(owned)).toBeGreaterThan(0);
      expect(sum(owned)).toBeLessThan(sum(all));
      expect(owned.nodes.map((n: { name: string; tables: number }) => [n.name, n.tables])).toEqual(await perCatalog(`lower(table_owner) = lower('${owner.replace(/'/g, "''")}')`));
      const both = await value('metadata.children', { parent: [], filter: { owner, types: ['VIEW'] } });
      expect(both.nodes.map((n: { name: string; tables: number }) => [n.name, n.tables])).toEqual(await perCatalog(`lower(table_owner) = lower('${owner.replace(/'/g, "''")}') AND table_type = 'VIEW'`));
    } finally {
      await session.close();
    }
  });

  it('searches names, comments and tags, and opens a table with its columns, grants and lineage', async () => {
    const hits = await value('metadata.search', { query: 'custom', kinds: ['TABLE'] });
    expect(hits.hits[0]).toMatchObject({ kind: 'TABLE', path: ['main', 'sales', 'customers'], matched: 'name' });
    // The total counts every match, not the page: one hit asked for, all of them counted.
    const all = await value('metadata.search', { query: 'customer', limit: 1000 });
    const one = await value('metadata.search', { query: 'customer', limit: 1 });
    expect(all.hits.length).toBeGreaterThan(3);
    expect([one.hits.length, one.total, all.total]).toEqual([1, all.hits.length, all.hits.length]);
    expect(one.hits[0]).toEqual(all.hits[0]);
    expect(await value('metadata.search', { query: 'no-such-thing-anywhere' })).toEqual({ total: 0, hits: [] });
    const byTag = await value('metadata.search', { query: 'national_id', kinds: ['COLUMN'] });
    expect(byTag.hits.map((h: { path: string[] }) => h.path.join('.'))).toContain('hr.people.employees.national_id');
    const columns = await value('metadata.columns', { table: ['hr', 'people', 'employees'] });
    expect(columns.find((c: { name: string }) => c.name === 'national_id')).toMatchObject({ mask: { functionName: 'main.governance.mask_national_id' } });
    const table = await value('metadata.table', { table: ['main', 'sales', 'customers'] });
    expect(table.grants).toContainEqual({ grantee: 'data-analysts', privilege: 'SELECT', inheritedFrom: 'SCHEMA' });
    expect(table.downstream).toBeGreaterThan(0);
    const graph = await value('metadata.lineage', { table: 'main.sales.customers', depth: 2, columns: true });
    expect(graph.nodes.map((n: { fullName: string }) => n.fullName)).toEqual(expect.arrayContaining(['analytics.customer_360.customer_profile', 'analytics.customer_360.lifetime_value']));
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'main.sales.customers', target: 'analytics.customer_360.customer_profile' }));
    const missing = await main.call('metadata.table', { table: ['main', 'sales', 'nope'] });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('registers by rules and charts coverage from them', async () => {
    const status = await value('metadata.saveRules', { rules: { include: ['hr', 'main.sales.*'], exclude: ['hr.payroll'], defaultActive: false, activate: ['main.sales.customers'] } });
    // hr's schemas (its default one too) but payroll, and main.sales: `hr` names the catalog and all beneath it.
    expect(status.selected).toMatchObject({ catalogs: 2, schemas: 3 });
    const sales = await value('metadata.children', { parent: ['main', 'sales'] });
    expect(sales.nodes.find((n: { name: string }) => n.name === 'customers').selection).toBe('inactive');
    const hr = await value('metadata.coverage', { catalog: 'hr' });
    expect(hr.map((r: { name: string; registered: number }) => [r.name, r.registered > 0])).toEqual([['payroll', false], ['people', true]]);
    const people = hr.find((r: { name: string }) => r.name === 'people');
    expect(people.maskedSensitiveColumns).toBe(1);
    const unmasked = await value('metadata.coverageObjects', { catalog: 'hr', schema: 'people', measure: 'unmasked-sensitive' });
    expect(unmasked.total).toBe(people.sensitiveColumns - 1);
    // main.sales's email columns are masked by the ABAC policy (no table-level mask there).
    const salesCoverage = (await value('metadata.coverage', { catalog: 'main' })).find((r: { name: string }) => r.name === 'sales');
    const masked = await value('metadata.coverageObjects', { catalog: 'main', schema: 'sales', measure: 'masked-sensitive' });
    expect(masked.objects.map((o: { path: string[] }) => o.path.join('.'))).toEqual(['main.sales.customers.email', 'main.sales.stores.manager_email']);
    expect(salesCoverage.maskedSensitiveColumns).toBe(2);
  });

  it('refuses bad input at the boundary', async () => {
    const r = await main.call('metadata.children', { parent: ['a', 'b', 'c'] });
    expect(!r.ok && r.error.code).toBe('BAD_REQUEST');
    const bad = await main.call('metadata.saveRules', { rules: { include: ['a.b.c.d'] } });
    expect(!bad.ok && bad.error.code).toBe('BAD_REQUEST');
  });
});
