import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSide } from '../catalog';
import { startEmulator, type RunningEmulator } from '../start';
import { warehouseReaches } from '../testing/warehouse-state';
import { sandboxFetch } from '../testing/sandbox-fetch';
import { query } from './testing/test-warehouse';

let emu: RunningEmulator;
const clients: DBSQLClient[] = [];
const userNamed = (test: (u: RunningEmulator['users'][number]) => boolean) => emu.users.find(test)!;

async function connect(token: string, httpPath = emu.warehouses.find((w) => w.state === 'RUNNING')!.httpPath): Promise<IDBSQLSession> {
  const client = new DBSQLClient();
  clients.push(client);
  await client.connect({
    host: '127.0.0.1', port: Number(new URL(emu.workspaceUrl).port), path: httpPath, token, customCaCert: emu.caCertPem,
    userAgentEntry: 'ucbridge_desktop/0.1.0', telemetryEnabled: false, retryMaxAttempts: 1, retryDelayMin: 10, retryDelayMax: 50,
  });
  return client.openSession();
}

let admin: IDBSQLSession;
let analyst: IDBSQLSession;
let steward: IDBSQLSession;

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: createCatalogSide(), warehouseStartDelayMs: 200, log: () => undefined });
  admin = await connect(userNamed((u) => u.admin).token);
  analyst = await connect(userNamed((u) => u.groups.includes('data-analysts')).token);
  steward = await connect(userNamed((u) => u.groups.includes('data-governance') && !u.admin).token);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await emu.stop();
});

describe('the SQL warehouse inside the sandbox, with the demo seed and the real driver', () => {
  it('serves the demo data to the principals the demo grants it to', async () => {
    expect((await query(analyst, 'SELECT count(*) AS n FROM main.sales.customers'))[0]).toEqual({ n: 400 });
    await expect(query(analyst, 'SELECT * FROM hr.people.employees')).rejects.toMatchObject({ response: { sqlState: '42501' } });
    const [row] = await query(admin, 'SELECT national_id, hire_date FROM hr.people.employees WHERE employee_id = 1');
    expect(row!.hire_date).toBeInstanceOf(Date);
    expect(String(row!.national_id)).toMatch(/^9\d\d-\d\d-\d{4}$/);
  });

  it('hides masked data from a non-member and shows it to a member, as the app sets the mask', async () => {
    await query(admin, 'GRANT SELECT ON TABLE main.sales.customers TO `data-governance`');
    await query(admin, 'GRANT USE SCHEMA ON SCHEMA main.sales TO `data-governance`');
    await query(admin, 'ALTER TABLE main.sales.customers ALTER COLUMN email SET MASK main.governance.mask_email');
    const [masked] = await query(analyst, 'SELECT email FROM main.sales.customers WHERE customer_id = 1');
    const [clear] = await query(steward, 'SELECT email FROM main.sales.customers WHERE customer_id = 1');
    expect(masked!.email).toMatch(/^\*\*\*@mail\.example$/);
    expect(clear!.email).toMatch(/^[a-z]+\.[a-z]+\d+@mail\.example$/);
    const [policy] = await query(admin, "SELECT mask_catalog, mask_schema, mask_name FROM main.information_schema.column_masks WHERE table_name = 'customers'");
    expect(policy).toEqual({ mask_catalog: 'main', mask_schema: 'governance', mask_name: 'mask_email' });
  });

  it('limits information_schema to what each principal may see', async () => {
    const count = async (s: IDBSQLSession, sql: string) => Number((await query(s, sql))[0]!.n);
    const analystCatalogs = await query(analyst, 'SELECT catalog_name FROM system.information_schema.catalogs ORDER BY 1');
    expect(analystCatalogs.map((r) => r.catalog_name)).toEqual(['analytics', 'main']);
    expect(await count(analyst, "SELECT count(*) AS n FROM system.information_schema.tables WHERE table_catalog = 'hr'")).toBe(0);
    expect(await count(admin, "SELECT count(*) AS n FROM system.information_schema.tables WHERE table_catalog = 'hr'")).toBeGreaterThan(8);
    const privileges = await query(analyst, "SELECT grantee, privilege_type, inherited_from FROM system.information_schema.table_privileges WHERE table_name = 'orders'");
    // INHERITED_FROM names the ancestor's securable ('SCHEMA' here), 'NONE' on a direct grant (privilege-views.test.ts).
    expect(privileges).toContainEqual({ grantee: 'data-analysts', privilege_type: 'SELECT', inherited_from: 'SCHEMA' });
  });

  it('answers the metadata calls with JDBC column names', async () => {
    const fetch = async (op: Promise<{ fetchAll(): Promise<object[]>; close(): Promise<unknown> }>) => {
      const o = await op;
      const rows = (await o.fetchAll()) as Record<string, unknown>[];
      await o.close();
      return rows;
    };
    expect((await fetch(analyst.getCatalogs())).map((r) => r.TABLE_CAT)).toEqual(['analytics', 'main']);
    expect(await fetch(analyst.getSchemas({ catalogName: 'main', schemaName: 'sal%' }))).toEqual([{ TABLE_SCHEM: 'sales', TABLE_CATALOG: 'main' }]);
    const tables = await fetch(admin.getTables({ catalogName: 'hr', schemaName: 'people', tableName: 'v_%' }));
    expect(tables).toEqual([expect.objectContaining({ TABLE_CAT: 'hr', TABLE_SCHEM: 'people', TABLE_NAME: 'v_directory', TABLE_TYPE: 'VIEW' })]);
    const columns = await fetch(admin.getColumns({ catalogName: 'main', schemaName: 'sales', tableName: 'orders', columnName: 'total%' }));
    expect(columns).toEqual([expect.objectContaining({ COLUMN_NAME: 'total_amount', DATA_TYPE: 3, TYPE_NAME: 'DECIMAL(12,2)', ORDINAL_POSITION: 6, IS_NULLABLE: 'YES' })]);
    const functions = await fetch(admin.getFunctions({ catalogName: 'main', schemaName: 'governance', functionName: 'mask%' }));
    expect(functions.map((r) => r.FUNCTION_NAME)).toEqual(['mask_email', 'mask_national_id']);
  });

  it('serves system tables once the schema is enabled and the grants exist, with principal and User-Agent', async () => {
    await expect(query(admin, 'SELECT count(*) FROM system.access.audit')).rejects.toMatchObject({ message: expect.stringMatching(/not enabled/) });
    const f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
    const token = userNamed((u) => u.admin).token;
    for (const schema of ['access', 'query']) {
      await f(`/api/2.1/unity-catalog/metastores/${emu.sandbox.metastoreId}/systemschemas/${schema}`, { method: 'PUT', token });
    }
    await f('/api/2.1/unity-catalog/catalogs/main', { token, headers: { 'user-agent': 'ucbridge_desktop/0.1.0 (rest)' } });
    await f.close();
    await expect(query(analyst, 'SELECT * FROM system.access.audit')).rejects.toMatchObject({ response: { sqlState: '42501' } });
    await query(admin, 'GRANT USE CATALOG ON CATALOG system TO `admins`');
    await query(admin, 'GRANT USE SCHEMA ON SCHEMA system.access TO `admins`');
    await query(admin, 'GRANT USE SCHEMA, SELECT ON SCHEMA system.query TO `admins`');
    await query(admin, 'GRANT SELECT ON TABLE system.access.audit TO `admins`');
    await query(admin, 'GRANT SELECT ON TABLE system.access.table_lineage TO `admins`');
    const rest = await query(admin, "SELECT user_identity.email AS who, action_name, user_agent FROM system.access.audit WHERE user_agent = 'ucbridge_desktop/0.1.0 (rest)'");
    expect(rest).toContainEqual({ who: userNamed((u) => u.admin).userName, action_name: 'getCatalog', user_agent: 'ucbridge_desktop/0.1.0 (rest)' });
    const sql = await query(admin, "SELECT executed_by, client_driver, statement_text, execution_status FROM system.query.history WHERE statement_text LIKE 'SELECT count(*) AS n FROM main.sales.customers%'");
    expect(sql).toContainEqual({ executed_by: userNamed((u) => u.groups.includes('data-analysts')).userName, client_driver: 'NodejsDatabricksSqlConnector/2.1.0', statement_text: 'SELECT count(*) AS n FROM main.sales.customers', execution_status: 'FINISHED' });
    const lineage = await query(admin, "SELECT source_table_full_name FROM system.access.table_lineage WHERE target_table_full_name = 'analytics.customer_360.customer_profile' ORDER BY 1");
    expect(lineage.map((r) => r.source_table_full_name)).toEqual(['main.sales.customers', 'main.sales.orders']);
  });

  it('answers 503 while a warehouse is stopped, and works once started', async () => {
    const stopped = emu.warehouses.find((w) => w.state === 'STOPPED')!;
    await expect(connect(userNamed((u) => u.admin).token, stopped.httpPath)).rejects.toMatchObject({ statusCode: 503 });
    // The refused connection started it (STARTING); the next one works once it is RUNNING.
    await warehouseReaches(emu.warehouseRegistry, stopped.id, 'RUNNING');
    const session = await connect(userNamed((u) => u.admin).token, stopped.httpPath);
    expect(await query(session, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('cancels a running statement and survives faults from the workspace side', async () => {
    const op = await admin.executeStatement('SELECT count(*) FROM range(100000000000) a', { maxRows: null });
    await op.cancel();
    await expect(op.fetchAll()).rejects.toThrow();
    emu.faults.set({ rate503: 1 });
    await expect(connect(userNamed((u) => u.admin).token)).rejects.toMatchObject({ statusCode: 503 });
    emu.faults.set({ rate503: 0 });
    expect(await query(admin, 'SELECT 2 AS ok')).toEqual([{ ok: 2 }]);
  });
});
