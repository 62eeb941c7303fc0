import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, CatalogSideDeps, CatalogSideFactory, RestRoute } from './contracts';
import { startEmulator } from './start';
import { clientCredentialsToken, sandboxFetch } from './testing/sandbox-fetch';
import { warehouseReaches } from './testing/warehouse-state';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-start-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('startEmulator', () => {
  it('returns the issue’s JSON-able info: every user with a password and PAT, SPs with secrets, warehouses', async () => {
    const emu = await startEmulator({ catalogSide: null, log: () => undefined });
    try {
      const info = JSON.parse(JSON.stringify(emu.info)) as typeof emu.info;
      expect(Object.keys(info).sort()).toEqual(['accountId', 'adminGroup', 'caCertPath', 'oauth', 'servicePrincipals', 'users', 'warehouses', 'workspaceId', 'workspaceUrl']);
      expect(info.adminGroup).toBe('admins');
      expect(info.users.filter((u) => u.admin)).toHaveLength(1);
      expect(info.users.map((u) => u.displayName)).toEqual(expect.arrayContaining(["Siobhán O'Brien", 'José Núñez', '李雷']));
      for (const u of info.users) expect(u).toMatchObject({ password: expect.any(String), token: expect.stringMatching(/^dapi/u), groups: expect.arrayContaining(['users']) });
      expect(info.servicePrincipals.map((s) => s.admin).sort()).toEqual([false, true]);
      expect(info.warehouses.map((w) => w.state).sort()).toEqual(['RUNNING', 'STOPPED']);
      expect(info.oauth).toEqual({ u2mClientId: 'ucbridge-desktop', redirectUris: ['http://localhost:8020/callback', 'http://localhost:8021/callback', 'http://localhost:8022/callback'] });
      expect(existsSync(info.caCertPath)).toBe(true);
    } finally {
      await emu.stop();
    }
    expect(existsSync(emu.caCertPath)).toBe(false);
  });

  it('persists identities, tokens, warehouse states and the CA in --data-dir and reloads them', async () => {
    const dataDir = join(dir, 'state');
    const first = await startEmulator({ dataDir, warehouseStartDelayMs: 10, catalogSide: null, log: () => undefined });
    const f = sandboxFetch(first.workspaceUrl, first.caCertPem);
    const admin = first.users.find((u) => u.admin)?.token ?? '';
    await f('/api/2.0/preview/scim/v2/Users', { method: 'POST', token: admin, json: { userName: 'new.hire@lakeside.example' } });
    const pat = (await (await f('/api/2.0/token/create', { method: 'POST', token: admin, json: { comment: 'kept' } })).json()) as { token_value: string };
    const oauthToken = await clientCredentialsToken(f, first.servicePrincipals[0] ?? { applicationId: '', clientSecret: '' });
    const etl = first.warehouses.find((w) => w.state === 'STOPPED')?.id ?? '';
    first.warehouseRegistry.start(etl);
    await warehouseReaches(first.warehouseRegistry, etl, 'RUNNING');
    await f.close();
    await first.stop();

    const second = await startEmulator({ dataDir, port: Number(new URL(first.workspaceUrl).port), catalogSide: null, log: () => undefined });
    const g = sandboxFetch(second.workspaceUrl, second.caCertPem);
    try {
      expect({ accountId: second.accountId, workspaceId: second.workspaceId, caCertPem: second.caCertPem }).toEqual({ accountId: first.accountId, workspaceId: first.workspaceId, caCertPem: first.caCertPem });
      expect(second.users).toEqual(first.users);
      expect(second.identities.store.userByName('new.hire@lakeside.example')).toBeDefined();
      expect((await g('/api/2.0/preview/scim/v2/Me', { token: pat.token_value })).status).toBe(200);
      expect(second.warehouseRegistry.state(etl)).toBe('RUNNING');
      // Same signing key and port: an access token from before the restart still works.
      expect((await g('/api/2.0/preview/scim/v2/Me', { token: oauthToken })).status).toBe(200);
      const log = await readFile(join(dataDir, 'requests.jsonl'), 'utf8');
      expect(log.trim().split('\n').length).toBeGreaterThan(3);
      for (const secret of [admin, pat.token_value, oauthToken]) expect(log).not.toContain(secret);
      const state = await readFile(join(dataDir, 'sandbox-state.json'), 'utf8');
      for (const secret of [admin, pat.token_value, first.users[0]?.password ?? 'x']) expect(state).not.toContain(secret);
    } finally {
      await g.close();
      await second.stop();
    }
  });

  it('refuses a corrupt data dir with a message that says what to do', async () => {
    const dataDir = join(dir, 'corrupt');
    await rm(dataDir, { recursive: true, force: true });
    await startEmulator({ dataDir, catalogSide: null, log: () => undefined }).then((e) => e.stop());
    await writeFile(join(dataDir, 'sandbox-state.json'), '{"version":1, "identities": [');
    await expect(startEmulator({ dataDir, catalogSide: null, log: () => undefined })).rejects.toThrow(/move it away/u);
  });
});

describe('mounting the Unity Catalog side through the contract', () => {
  it('builds it once with the seam data, serves its routes with auth and audit, and hands SQL calls to its Thrift endpoint', async () => {
    const audit: AuditRecord[] = [];
    let deps: CatalogSideDeps | undefined;
    const route: RestRoute = {
      method: 'GET',
      pattern: '/api/2.1/unity-catalog/current-metastore-assignment',
      audit: { serviceName: 'unityCatalog', actionName: 'getCurrentMetastoreAssignment' },
      handle: async (req) => ({ status: 200, body: { workspace_id: Number(deps?.info.workspaceId), metastore_id: deps?.info.metastoreId, caller: req.caller.principal.name } }),
    };
    const factory: CatalogSideFactory = async (d) => {
      deps = d;
      return {
        audit: { recordAudit: (r) => audit.push(r) },
        routes: [route],
        thrift: { handle: (_req, res, caller, warehouseId) => res.end(`${caller.principal.name} ${warehouseId} ${d.warehouses.state(warehouseId)}`) },
        close: async () => undefined,
      };
    };
    const emu = await startEmulator({ catalogSide: factory, log: () => undefined });
    const f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
    try {
      const user = emu.users[3];
      expect(deps?.seed).toBe('demo');
      expect(deps?.identities.byName(user?.userName ?? '')?.kind).toBe('user');
      expect(deps?.info.metastoreRegion).toBe(`aws:us-west-2:${deps?.info.metastoreId}`);
      const res = await f('/api/2.1/unity-catalog/current-metastore-assignment?x=1', { token: user?.token ?? '', headers: { 'user-agent': 'ucbridge_desktop/0.1.0' } });
      expect(await res.json()).toMatchObject({ metastore_id: deps?.info.metastoreId, caller: user?.userName });
      expect(audit.at(-1)).toMatchObject({ serviceName: 'unityCatalog', actionName: 'getCurrentMetastoreAssignment', statusCode: 200, userAgent: 'ucbridge_desktop/0.1.0', requestParams: { x: '1' } });
      expect(audit.at(-1)?.principal?.name).toBe(user?.userName);
      await f('/api/2.0/sql/warehouses', { token: user?.token ?? '' });
      expect(audit.at(-1)).toMatchObject({ serviceName: 'databrickssql', actionName: 'listEndpoints' });
      const running = emu.warehouses.find((w) => w.state === 'RUNNING');
      const sql = await f(running?.httpPath ?? '', { method: 'POST', token: user?.token ?? '', body: 'thrift' });
      expect(await sql.text()).toBe(`${user?.userName} ${running?.id} RUNNING`);
    } finally {
      await f.close();
      await emu.stop();
    }
  });
});
