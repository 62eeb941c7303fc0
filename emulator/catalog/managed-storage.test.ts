import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';
import { query } from '../warehouse/testing/test-warehouse';

/**
 * A metastore without root storage, as workspaces enabled for Unity Catalog automatically get
 * (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage): the metastore summary has
 * no `storage_root`, and a catalog needs its own managed location — `CREATE CATALOG` without `MANAGED LOCATION` (and
 * REST without `storage_root`) is refused with Databricks' INVALID_STATE answer. The docs page does not quote the
 * error; its wording is the one users report (databricks/cli#5695: "(400 INVALID_STATE)"; dbdemos#139 from SQL).
 */
const MESSAGE = /Metastore storage root URL does not exist\. Please provide a storage location for the catalog \(for example 'CREATE CATALOG myCatalog MANAGED LOCATION '<location-path>'\)/;

let bare: RunningEmulator;
let rooted: RunningEmulator;
const clients: DBSQLClient[] = [];
const fetches: SandboxFetch[] = [];

async function adminSession(emu: RunningEmulator): Promise<IDBSQLSession> {
  const client = new DBSQLClient();
  clients.push(client);
  await client.connect({
    host: '127.0.0.1', port: Number(new URL(emu.workspaceUrl).port), path: emu.warehouses.find((w) => w.state === 'RUNNING')!.httpPath,
    token: emu.users.find((u) => u.admin)!.token, customCaCert: emu.caCertPem, userAgentEntry: 'ucbridge_desktop/0.1.0', telemetryEnabled: false, retryMaxAttempts: 1,
  });
  return client.openSession();
}

function rest(emu: RunningEmulator): (path: string, init?: { method?: string; json?: unknown }) => Promise<{ status: number; body: Record<string, unknown> }> {
  const f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  fetches.push(f);
  return async (path, init = {}) => {
    const res = await f(path, { ...init, token: emu.users.find((u) => u.admin)!.token });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

beforeAll(async () => {
  [bare, rooted] = await Promise.all([startEmulator({ seed: 'empty', metastoreRootStorage: false, log: () => undefined }), startEmulator({ seed: 'empty', log: () => undefined })]);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await Promise.all(fetches.map((f) => f.close()));
  await Promise.all([bare, rooted].map((e) => e?.stop()));
});

describe('a metastore without root storage', () => {
  it('has no storage_root in the metastore summary (one with root storage has)', async () => {
    expect((await rest(bare)('/api/2.1/unity-catalog/metastore_summary')).body).not.toHaveProperty('storage_root');
    expect((await rest(rooted)('/api/2.1/unity-catalog/metastore_summary')).body.storage_root).toMatch(/^s3:\/\//);
  });

  it('refuses CREATE CATALOG without MANAGED LOCATION through the real driver, and creates it with one', async () => {
    const session = await adminSession(bare);
    await expect(query(session, 'CREATE CATALOG IF NOT EXISTS no_place')).rejects.toMatchObject({ message: expect.stringMatching(MESSAGE), response: { displayMessage: expect.stringMatching(/^\[INVALID_STATE\] /) } });
    await query(session, "CREATE CATALOG IF NOT EXISTS placed MANAGED LOCATION 's3://ext-bucket/placed' COMMENT 'x'");
    expect(await query(session, "SELECT count(*) AS n FROM system.information_schema.catalogs WHERE catalog_name IN ('placed', 'no_place')")).toEqual([{ n: 1 }]);
    const info = await rest(bare)('/api/2.1/unity-catalog/catalogs/placed');
    expect(info.body).toMatchObject({ storage_root: 's3://ext-bucket/placed', storage_location: expect.stringMatching(/^s3:\/\/ext-bucket\/placed\//) });
    // With root storage a bare CREATE CATALOG is fine.
    await query(await adminSession(rooted), 'CREATE CATALOG IF NOT EXISTS anywhere');
  });

  it('refuses REST catalog creation without storage_root as 400 INVALID_STATE, and accepts one with it', async () => {
    const call = rest(bare);
    const refused = await call('/api/2.1/unity-catalog/catalogs', { method: 'POST', json: { name: 'rest_none' } });
    expect(refused).toMatchObject({ status: 400, body: { error_code: 'INVALID_STATE', message: expect.stringMatching(MESSAGE) } });
    const made = await call('/api/2.1/unity-catalog/catalogs', { method: 'POST', json: { name: 'rest_placed', storage_root: 's3://ext-bucket/rest' } });
    expect(made).toMatchObject({ status: 200, body: { name: 'rest_placed', storage_root: 's3://ext-bucket/rest' } });
  });
});
