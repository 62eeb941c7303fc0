import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TokenErrorShape } from '../../../emulator/faults/fault-spec';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { BrowserOpener } from '../../ports';
import { testSession, type TestSession } from '../session/session.test-support';
import { warehouseCatalogSide } from '../sql/sandbox-warehouse.test-support';
import type { WorkspaceConnection } from './types';

/**
 * Issue 9, finding 9: every shape in which Databricks refuses an expired or invalid token — 401, 403 with a numeric
 * error_code 403 (databricks/databricks-sdk-go#873, #1061), 400 ExpiredJwtException
 * (databricks/terraform-provider-databricks#2522), and a warehouse's 403 (databricks/databricks-sql-python#346) —
 * is a token problem on REST and on SQL: the token is renewed exactly once, the call repeats and succeeds. The
 * sandbox's `tokenError` fault picks the shape; revoking every token issued so far makes the session's current one
 * bad, while the service principal's secret still gets a new one (OAuth M2M).
 */
let emulator: RunningEmulator;
let t: TestSession;
let dir: string;
let conn: WorkspaceConnection;
const noBrowser: BrowserOpener = { open: async () => undefined };

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: warehouseCatalogSide, log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-token-shapes-'));
  t = await testSession({ dir, emulator, browser: noBrowser });
  const sp = emulator.servicePrincipals.find((s) => s.admin)!;
  await t.service.signIn({ taskId: 'signin-token-shapes', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-m2m', clientId: sp.applicationId, clientSecret: sp.clientSecret }, useProfileSecret: false });
  conn = t.service.requireConnection();
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  await t.service.dispose();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

const renewals = () => emulator.requestLog.entries({ method: 'POST', pathPrefix: '/oidc/v1/token' }).length;
const refusals = (pathPrefix: string, status: number) => emulator.requestLog.entries({ pathPrefix, status }).length;
const Me = z.object({ userName: z.string() });

describe.each([401, 403, 400] as const)('a token refused with %i', (shape: TokenErrorShape) => {
  it('REST: one renewal, then the call succeeds', async () => {
    const [posts, refused] = [renewals(), refusals('/api/', shape)];
    emulator.faults.set({ tokenError: shape });
    emulator.faults.revokeAllTokens();
    const me = await conn.rest.request({ method: 'GET', path: '/api/2.0/preview/scim/v2/Me', schema: Me });
    expect(me.userName).toBe(conn.identity.userName);
    expect([renewals() - posts, refusals('/api/', shape) - refused]).toEqual([1, 1]);
  });

  it('SQL: one renewal, then the statement runs', async () => {
    const session = await conn.sql(emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath);
    try {
      const [posts, refused] = [renewals(), refusals('/sql/', shape)];
      emulator.faults.set({ tokenError: shape });
      emulator.faults.revokeAllTokens();
      expect(await session.execute('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      expect([renewals() - posts, refusals('/sql/', shape) - refused]).toEqual([1, 1]);
    } finally {
      emulator.faults.clear();
      await session.close();
    }
  });
});
