import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { BrowserOpener, Clock } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { testSession, type TestSession } from '../session/session.test-support';
import { warehouseCatalogSide } from './sandbox-warehouse.test-support';

/**
 * Reads are retried like statements (issue 9, finding 8), through the real driver against the sandbox warehouse:
 * 429/503 from the Thrift endpoint honour Retry-After, the driver's own retries of safe Thrift calls (CloseSession
 * here) follow the same policy, and a reset connection is retried. Waits go through a clock that records them and
 * returns at once, so what is asserted is the wait asked for, never elapsed time. The test session's policy: 8
 * attempts, Retry-After honoured up to 5 s.
 */
let emulator: RunningEmulator;
let t: TestSession;
let dir: string;
let conn: WorkspaceConnection;
const slept: number[] = [];
const clock: Clock = { now: () => Date.now(), sleep: async (ms) => void slept.push(ms) };
const noBrowser: BrowserOpener = { open: async () => undefined };

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: warehouseCatalogSide, log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-sql-retry-'));
  t = await testSession({ dir, emulator, browser: noBrowser, clock });
  const sp = emulator.servicePrincipals.find((s) => s.admin)!;
  await t.service.signIn({ taskId: 'signin-sql-retry', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-m2m', clientId: sp.applicationId, clientSecret: sp.clientSecret }, useProfileSecret: false });
  conn = t.service.requireConnection();
});
afterEach(() => {
  emulator.faults.clear();
  slept.length = 0;
});
afterAll(async () => {
  await t.service.dispose();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

const httpPath = () => emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath;
const sqlStatuses = (after: number) => emulator.requestLog.entries({ after, kind: 'sql' }).map((e) => e.status);

describe('reads on a flaky warehouse', () => {
  it('every read finishes; each 429/503 is waited out for its Retry-After (3 s), once', async () => {
    const session = await conn.sql(httpPath());
    try {
      const since = emulator.requestLog.mark();
      emulator.faults.set({ rate429: 0.3, rate503: 0.1, retryAfterSeconds: 3, seed: 11 });
      for (let n = 0; n < 20; n++) expect(await session.execute(`SELECT ${n} AS n`)).toEqual([{ n }]);
      const statuses = sqlStatuses(since);
      const refused = statuses.filter((s) => s === 429 || s === 503).length;
      expect(statuses).toContain(429);
      expect(statuses).toContain(503);
      // At least one answered call per statement (a statement may take more than one Thrift call).
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
      expect(slept).toHaveLength(refused);
      expect(slept.every((ms) => ms >= 3000 && ms < 3000 + 20)).toBe(true);
    } finally {
      emulator.faults.clear();
      await session.close();
    }
  });

  it('a Retry-After longer than the policy honours is waited for the cap, not longer', async () => {
    const session = await conn.sql(httpPath());
    try {
      emulator.faults.set({ rate429: 0.5, retryAfterSeconds: 3600, seed: 5 });
      for (let n = 0; n < 6; n++) await session.execute('SELECT 1');
      expect(slept.length).toBeGreaterThan(0);
      expect(slept.every((ms) => ms >= 5000 && ms < 5000 + 20)).toBe(true);
    } finally {
      emulator.faults.clear();
      await session.close();
    }
  });

  it("the driver's own retries (CloseSession) honour Retry-After and stop after the policy's attempts", async () => {
    const session = await conn.sql(httpPath());
    await session.execute('SELECT 1');
    const since = emulator.requestLog.mark();
    emulator.faults.set({ rate429: 1, retryAfterSeconds: 2 });
    await session.close();
    emulator.faults.clear();
    expect(sqlStatuses(since)).toEqual(Array(8).fill(429));
    expect(slept).toHaveLength(7);
    expect(slept.every((ms) => ms >= 2000 && ms < 2000 + 20)).toBe(true);
  });

  it('a reset connection is retried, for a statement and for the close call', async () => {
    const session = await conn.sql(httpPath());
    const since = emulator.requestLog.mark();
    // resetAfter=1: one request passes, the next is reset, and so on.
    emulator.faults.set({ resetAfter: 1 });
    expect(await session.execute('SELECT 7 AS n')).toEqual([{ n: 7 }]);
    expect(await session.execute('SELECT 8 AS n')).toEqual([{ n: 8 }]);
    await session.close();
    emulator.faults.clear();
    // SELECT 7 passes; SELECT 8 is reset and runs again; CloseSession is reset and sent again.
    expect(sqlStatuses(since)).toEqual([200, 0, 200, 0, 200]);
    expect(emulator.faults.counters.resets).toBeGreaterThanOrEqual(2);
  });

  it('a statement the caller retries itself (the apply engine) is not retried inside the session', async () => {
    const session = await conn.sql(httpPath());
    try {
      const since = emulator.requestLog.mark();
      emulator.faults.set({ rate503: 1, retryAfterSeconds: 0 });
      await expect(session.execute('SELECT 1', { retry: false })).rejects.toMatchObject({ error: { code: 'UNAVAILABLE' }, retryAfterMs: 0 });
      expect(sqlStatuses(since)).toEqual([503]);
    } finally {
      emulator.faults.clear();
      await session.close();
    }
  });
});

describe('disconnect on a flaky warehouse', () => {
  it('closes open sessions with one attempt each: a disconnect never waits out a 429', async () => {
    const session = await conn.sql(httpPath());
    await session.execute('SELECT 1');
    const since = emulator.requestLog.mark();
    emulator.faults.set({ rate429: 1, retryAfterSeconds: 30 });
    await t.service.disconnect({ uninstall: false });
    emulator.faults.clear();
    // CloseSession, refused once and not retried (the connection had ended).
    expect(sqlStatuses(since)).toEqual([429]);
    expect(slept.filter((ms) => ms >= 5000)).toEqual([]);
  });
});
