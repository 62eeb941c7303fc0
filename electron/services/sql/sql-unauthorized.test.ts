import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { BrowserOpener } from '../../ports';
import { testSession, type TestSession } from '../session/session.test-support';
import { warehouseCatalogSide } from './sandbox-warehouse.test-support';

/**
 * An hour-long token the app rightly believes valid, refused by the warehouse anyway (the sandbox's early-expiry
 * fault): the SQL path renews it once and runs the statement, as the REST client does.
 */
let emulator: RunningEmulator;
let t: TestSession;
let dir: string;
const noBrowser: BrowserOpener = { open: async () => undefined };
/** The early-expiry fault's clock, moved by the test: no sleeping past the expiry, and no race with a slow machine. */
let now = Date.now();

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: warehouseCatalogSide, log: () => undefined, earlyExpiryClock: () => now });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-sql-401-'));
  t = await testSession({ dir, emulator, browser: noBrowser });
  const sp = emulator.servicePrincipals.find((s) => s.admin)!;
  await t.service.signIn({ taskId: 'signin-sql-0401', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-m2m', clientId: sp.applicationId, clientSecret: sp.clientSecret }, useProfileSecret: false });
});
afterAll(async () => {
  await t.service.dispose();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

const tokenPosts = () => emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length;
const refused = () => emulator.requestLog.entries({ pathPrefix: '/sql/1.0/warehouses/', status: 401 }).length;

it('renews a token the warehouse refuses (401) once, then runs the statement', async () => {
  const httpPath = emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath;
  const session = await t.service.requireConnection().sql(httpPath);
  try {
    await session.execute('SELECT 1');
    emulator.faults.set({ earlyExpirySeconds: 2 });
    now += 2_000; // the token in use is now 2 s old: refused; the one issued next is fresh
    const [posts, denials] = [tokenPosts(), refused()];
    expect(await session.execute('SELECT 2 AS n')).toEqual([{ n: 2 }]);
    expect([tokenPosts() - posts, refused() - denials]).toEqual([1, 1]);
  } finally {
    emulator.faults.clear();
    await session.close();
  }
});
