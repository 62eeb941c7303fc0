import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSide } from '../catalog';
import { startEmulator, type RunningEmulator } from '../start';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';

/**
 * What a metadata crawler reads from the sandbox, each behaviour from the docs:
 * table summaries  https://docs.databricks.com/api/workspace/tables/listsummaries ("max_results … If not set, the
 *                  page length is set to a server configured value (10000, as of 1/5/2024)")
 * tables           https://docs.databricks.com/api/workspace/tables/list (max_results=0: the server's page length;
 *                  include_browse, omit_properties)
 * resource quotas  https://docs.databricks.com/api/uc-resource-quotas/v1/list-quotas (paginated by default, a page may be
 *                  empty with a token) and get-quota; counts per parent of everything, whoever asks
 * last_altered     https://docs.databricks.com/sql/language-manual/information-schema/tables.html ("LAST_ALTERED:
 *                  Timestamp when the relation definition was last altered in any way")
 * The per-request latency knob is the sandbox's own fault (no Databricks page describes it): it delays every REST
 * request and every SQL (Thrift) request alike, so a REST crawler and a SQL crawler are compared at equal latency.
 */
let emu: RunningEmulator;
let f: SandboxFetch;
let token: string;
let client: DBSQLClient;
let session: IDBSQLSession;
const UC = '/api/2.1/unity-catalog';

beforeAll(async () => {
  // One lake catalog of 12,000 tables in 100 schemas (120 each), beside the demo.
  emu = await startEmulator({ seed: 'large', catalogSide: createCatalogSide({ scaleTables: 12_000, scaleColumns: 3, scaleSchemas: 100 }), log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  token = emu.users.find((u) => u.admin)!.token;
  client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  await client.connect({ host: '127.0.0.1', port: Number(new URL(emu.workspaceUrl).port), path: emu.warehouses.find((w) => w.state === 'RUNNING')!.httpPath, token, customCaCert: emu.caCertPem, telemetryEnabled: false });
  session = await client.openSession();
});
afterAll(async () => {
  await session.close();
  await client.close();
  await f.close();
  await emu.stop();
});

const get = async (path: string) => (await (await f(path, { token })).json()) as { tables?: { full_name?: string; properties?: unknown }[]; next_page_token?: string; updated_at?: number; created_at?: number };
const sql = async (statement: string) => (await (await session.executeStatement(statement)).fetchAll()) as Record<string, unknown>[];

describe('what a crawler reads', () => {
  it('pages table summaries at 10,000 by default and with max_results=0', async () => {
    for (const size of ['', '&max_results=0']) {
      const first = await get(`${UC}/table-summaries?catalog_name=lake_01${size}`);
      expect(first.tables).toHaveLength(10_000);
      expect(first.next_page_token).toBeTruthy();
      const second = await get(`${UC}/table-summaries?catalog_name=lake_01${size}&page_token=${encodeURIComponent(first.next_page_token!)}`);
      expect(second.tables).toHaveLength(2_000);
      expect(second.next_page_token).toBeUndefined();
    }
  });

  it('lists a schema\u2019s tables at the server page length for max_results=0, smaller pages on request, without properties when asked', async () => {
    const schema = (await get(`${UC}/table-summaries?catalog_name=lake_01&max_results=1`)).tables![0]!.full_name!.split('.')[1]!;
    const all = await get(`${UC}/tables?catalog_name=lake_01&schema_name=${schema}&max_results=0&include_browse=true&omit_properties=true`);
    expect(all.tables).toHaveLength(120);
    expect(all.next_page_token).toBeUndefined();
    expect(all.tables!.every((t) => t.properties === undefined)).toBe(true);
    const page = await get(`${UC}/tables?catalog_name=lake_01&schema_name=${schema}&max_results=50`);
    expect(page.tables).toHaveLength(50);
    expect(page.next_page_token).toBeTruthy();
  });

  it('counts tables per metastore and per schema in the resource quotas, for whoever asks', async () => {
    const metastore = (await (await f(`${UC}/resource-quotas/METASTORE/${emu.sandbox.metastoreId}/table-quota`, { token })).json()) as { quota_info: Record<string, unknown> };
    const visible = Number(Object.values((await sql("SELECT count(*) FROM system.information_schema.tables WHERE table_catalog <> 'system' AND table_schema <> 'information_schema'"))[0]!)[0]);
    expect(metastore.quota_info).toMatchObject({ parent_securable_type: 'METASTORE', quota_name: 'table-quota', quota_count: visible, quota_limit: 1_000_000 });
    const quotas: Record<string, unknown>[] = [];
    let page = await (await f(`${UC}/resource-quotas/all-resource-quotas`, { token })).json() as { quotas?: Record<string, unknown>[]; next_page_token?: string };
    for (;;) {
      quotas.push(...(page.quotas ?? []));
      if (!page.next_page_token) break;
      page = await (await f(`${UC}/resource-quotas/all-resource-quotas?page_token=${encodeURIComponent(page.next_page_token)}`, { token })).json() as typeof page;
    }
    const lakeSchemas = quotas.filter((q) => q.parent_securable_type === 'SCHEMA' && String(q.parent_full_name).startsWith('lake_01.'));
    expect(lakeSchemas).toHaveLength(100);
    expect(lakeSchemas.every((q) => q.quota_count === 120 && q.quota_limit === 10_000)).toBe(true);
    expect(quotas.filter((q) => q.parent_securable_type === 'CATALOG' && q.quota_name === 'schema-quota').length).toBeGreaterThan(1);
  });

  it('moves last_altered (and REST updated_at) with DDL, never created', async () => {
    await sql('CREATE TABLE main.sales.ddl_probe (id BIGINT)');
    const read = async () => (await sql("SELECT unix_millis(created) AS c, unix_millis(last_altered) AS a FROM system.information_schema.tables WHERE table_catalog = 'main' AND table_name = 'ddl_probe'"))[0]!;
    const before = await read();
    expect(before.a).toEqual(before.c);
    await sql('ALTER TABLE main.sales.ddl_probe ADD COLUMN note STRING');
    const after = await read();
    expect(Number(after.a)).toBeGreaterThan(Number(before.a));
    expect(after.c).toEqual(before.c);
    const rest = await get(`${UC}/tables/main.sales.ddl_probe`);
    expect([rest.created_at, rest.updated_at]).toEqual([Number(after.c), Number(after.a)]);
  });

  it('adds the injected latency to REST requests and SQL requests alike', async () => {
    emu.faults.set({ latencyMs: 300 });
    const mark = emu.requestLog.mark();
    try {
      let t = performance.now();
      await get(`${UC}/catalogs?max_results=0`);
      expect(performance.now() - t).toBeGreaterThanOrEqual(300);
      t = performance.now();
      await sql('SELECT 1');
      expect(performance.now() - t).toBeGreaterThanOrEqual(300);
      const logged = emu.requestLog.entries({ after: mark });
      expect(logged.some((e) => e.kind === 'rest' && e.durationMs >= 300)).toBe(true);
      expect(logged.some((e) => e.kind === 'sql' && e.durationMs >= 300)).toBe(true);
    } finally {
      emu.faults.set({ latencyMs: 0 });
    }
  });
});
