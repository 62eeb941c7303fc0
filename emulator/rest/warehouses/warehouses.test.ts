import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../start';
import { warehouseReaches } from '../../testing/warehouse-state';
import { sandboxFetch, type SandboxFetch } from '../../testing/sandbox-fetch';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: RunningEmulator;
let f: SandboxFetch;
let admin: string;
let analyst: string;

beforeAll(async () => {
  emu = await startEmulator({ warehouseStartDelayMs: 300, catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  admin = emu.users.find((u) => u.admin)?.token ?? '';
  analyst = emu.users.find((u) => !u.admin)?.token ?? '';
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const get = async (path: string, token = analyst): Promise<Json> => (await (await f(path, { token })).json()) as Json;
const byName = (name: string) => emu.warehouses.find((w) => w.name === name) ?? { id: '', httpPath: '' };

/** Waits for the warehouse to get there (the sandbox's state-change event), then checks REST reports it. */
async function waitForState(id: string, state: string): Promise<void> {
  await warehouseReaches(emu.warehouseRegistry, id, state);
  expect((await get(`/api/2.0/sql/warehouses/${id}`)).state).toBe(state);
}

describe('SQL warehouses REST', () => {
  it('lists the demo warehouses with odbc_params pointing at the Thrift path', async () => {
    const { warehouses } = await get('/api/2.0/sql/warehouses');
    expect(warehouses.map((w: Json) => [w.name, w.state])).toEqual([
      ['Analytics Warehouse', 'RUNNING'],
      ['ETL Warehouse', 'STOPPED'],
    ]);
    const { port } = new URL(emu.workspaceUrl);
    expect(warehouses[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/u),
      cluster_size: 'Small',
      num_clusters: 1,
      odbc_params: { hostname: '127.0.0.1', path: byName('Analytics Warehouse').httpPath, protocol: 'https', port: Number(port) },
    });
    expect(warehouses[0].jdbc_url).toContain(`httpPath=${byName('Analytics Warehouse').httpPath}`);
  });

  it('pages with page_size / page_token and refuses bad tokens', async () => {
    const first = await get('/api/2.0/sql/warehouses?page_size=1');
    expect(first.warehouses).toHaveLength(1);
    const second = await get(`/api/2.0/sql/warehouses?page_size=1&page_token=${first.next_page_token}`);
    expect(second.warehouses[0].name).toBe('ETL Warehouse');
    expect(second.next_page_token).toBeUndefined();
    const bad = await f('/api/2.0/sql/warehouses?page_token=garbage', { token: analyst });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('starts a stopped warehouse: STOPPED → STARTING → RUNNING after the configured delay', async () => {
    const { id } = byName('ETL Warehouse');
    expect((await f(`/api/2.0/sql/warehouses/${id}/start`, { method: 'POST', token: analyst })).status).toBe(200);
    expect((await get(`/api/2.0/sql/warehouses/${id}`)).state).toBe('STARTING');
    expect(emu.warehouseRegistry.state(id)).toBe('STARTING');
    await waitForState(id, 'RUNNING');
  });

  it('lets only admins stop, then stops via STOPPING', async () => {
    const { id } = byName('ETL Warehouse');
    expect((await f(`/api/2.0/sql/warehouses/${id}/stop`, { method: 'POST', token: analyst })).status).toBe(403);
    expect((await f(`/api/2.0/sql/warehouses/${id}/stop`, { method: 'POST', token: admin })).status).toBe(200);
    expect((await get(`/api/2.0/sql/warehouses/${id}`)).state).toBe('STOPPING');
    await waitForState(id, 'STOPPED');
  });

  it('answers 404 RESOURCE_DOES_NOT_EXIST for unknown ids', async () => {
    for (const path of ['/api/2.0/sql/warehouses/0123456789abcdef', '/api/2.0/sql/warehouses/0123456789abcdef/start']) {
      const res = await f(path, { method: path.endsWith('start') ? 'POST' : 'GET', token: analyst });
      expect(res.status).toBe(404);
      expect(((await res.json()) as Json).error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    }
  });
});

describe('SQL endpoint gateway (POST /sql/1.0/warehouses/<id>)', () => {
  it('authenticates like every API', async () => {
    const res = await f(byName('Analytics Warehouse').httpPath, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="DatabricksRealm"');
  });

  it('auto-starts a stopped warehouse and asks the client to retry', async () => {
    const { id, httpPath } = byName('ETL Warehouse');
    const res = await f(httpPath, { method: 'POST', token: analyst, body: 'thrift' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(((await res.json()) as Json).error_code).toBe('TEMPORARILY_UNAVAILABLE');
    expect(emu.warehouseRegistry.state(id)).toBe('STARTING');
    await waitForState(id, 'RUNNING');
  });

  it('says clearly when the sandbox runs without a SQL engine, and 404s unknown warehouses and methods', async () => {
    const running = await f(byName('Analytics Warehouse').httpPath, { method: 'POST', token: analyst, body: 'thrift' });
    expect(running.status).toBe(501);
    expect((await f('/sql/1.0/warehouses/0123456789abcdef', { method: 'POST', token: analyst, body: 'x' })).status).toBe(404);
    expect((await f(byName('Analytics Warehouse').httpPath, { token: analyst })).status).toBe(404);
    expect(emu.requestLog.entries({ kind: 'sql' }).every((e) => e.path.startsWith('/sql/'))).toBe(true);
  });
});
