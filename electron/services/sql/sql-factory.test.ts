import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import type { BrowserOpener } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { testSession, type TestSession } from '../session/session.test-support';
import { warehouseCatalogSide } from './sandbox-warehouse.test-support';
import { failureOf as failure } from '../../../test/failure-of';

/** SQL through the real `@databricks/sql` driver on the sandbox warehouse, with tokens from the session. */
let emulator: RunningEmulator;
let t: TestSession;
let conn: WorkspaceConnection;
let dir: string;
const noBrowser: BrowserOpener = { open: async () => undefined };

beforeAll(async () => {
  // 61-second access tokens: one second after issue they are inside the app's one-minute floor (the driver's
  // own 30 s buffer, doubled), so each long statement below runs on several successive tokens.
  emulator = await startEmulator({ catalogSide: warehouseCatalogSide, oauth: { accessTokenTtlSeconds: 61 }, log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-sql-'));
  t = await testSession({ dir, emulator, browser: noBrowser });
  const sp = emulator.servicePrincipals.find((s) => s.admin)!;
  await t.service.signIn({ taskId: 'signin-sql-0001', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-m2m', clientId: sp.applicationId, clientSecret: sp.clientSecret }, useProfileSecret: false });
  conn = t.service.requireConnection();
});
afterAll(async () => {
  await t.service.dispose();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

const httpPath = () => emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath;
describe('SQL sessions on the sandbox warehouse', () => {
  it('runs SELECT 1 as the signed-in principal, with the partner entry in the driver User-Agent', async () => {
    const mark = emulator.requestLog.mark();
    const session = await conn.sql(httpPath());
    try {
      expect(await session.execute('SELECT 1 AS one, current_user() AS me')).toEqual([{ one: 1, me: t.changes.at(-1)?.identity?.userName }]);
    } finally {
      await session.close();
    }
    const sql = emulator.requestLog.entries({ after: mark, kind: 'sql' });
    expect(sql.length).toBeGreaterThan(0);
    for (const e of sql) expect(e.userAgent).toContain(`(${PARTNER_USER_AGENT}; Node.js`);
  });

  it('streams a big result in batches, and a token that expires in the middle is renewed without a hitch', async () => {
    emulator.faults.set({ latencyMs: 150 });
    const before = emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length;
    const session = await conn.sql(httpPath());
    try {
      let total = 0;
      let batches = 0;
      for await (const rows of session.stream('SELECT id FROM range(60000)', { batchSize: 2500 })) {
        total += rows.length;
        batches++;
      }
      expect(total).toBe(60000);
      expect(batches).toBeGreaterThan(10);
    } finally {
      emulator.faults.clear();
      await session.close();
    }
    // Tokens renewed while the statement was being fetched, and the driver used them: the stream went on.
    expect(emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length - before).toBeGreaterThan(1);
  });

  it('reports a failed statement with its error class and SQLSTATE', async () => {
    const session = await conn.sql(httpPath());
    try {
      const error = await failure(session.execute('SELECT * FROM main.nope.nothing'));
      expect(error).toMatchObject({ code: 'SQL_ERROR', message: expect.stringMatching(/TABLE_OR_VIEW_NOT_FOUND.*42P01/) });
    } finally {
      await session.close();
    }
  });

  it('refuses a malformed warehouse path, and closes open sessions on disconnect', async () => {
    expect(await failure(conn.sql('/sql/1.0/warehouses/../../etc'))).toMatchObject({ code: 'BAD_REQUEST' });
    const session = await conn.sql(httpPath());
    await t.service.disconnect({ uninstall: false });
    expect(conn.signal.aborted).toBe(true);
    expect(await failure(session.execute('SELECT 1'))).toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
