import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { BrowserOpener } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { testSession, type TestSession } from '../session/session.test-support';
import { SMOKE_CASES } from './cases';
import { isReadStatement } from './read-only';
import { runSmoke } from './run-smoke';
import { formatSmokeTable } from './smoke-format';
import type { SmokeReport } from './smoke-types';

/**
 * The smoke check's own list of cases, run against the sandbox through the app's real connection (REST client, the
 * real `@databricks/sql` driver): every case must pass here, so the sandbox is held to what a real workspace is
 * checked for. Each case names its Databricks page (cases/*.ts). And the check writes nothing.
 */
let emulator: RunningEmulator;
const sessions: TestSession[] = [];
let dir: string;
let admin: WorkspaceConnection;
let report: SmokeReport;
let started: Date;
let ended: Date;
const noBrowser: BrowserOpener = { open: async () => undefined };
let n = 0;

async function signIn(token: string): Promise<WorkspaceConnection> {
  const t = await testSession({ dir: join(dir, String(++n)), emulator, browser: noBrowser });
  sessions.push(t);
  await t.service.signIn({ taskId: `signin-smoke-${n}`, workspace: { kind: 'sandbox' }, auth: { method: 'pat', token }, useProfileSecret: false });
  return t.service.requireConnection();
}

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-smoke-'));
  admin = await signIn(emulator.users.find((u) => u.admin)!.token);
  // Audit on, as a metastore admin would have it: system.access.audit can be described, query history read below.
  const { metastore_id: id } = await admin.rest.request({ method: 'GET', path: '/api/2.1/unity-catalog/metastore_summary', schema: z.object({ metastore_id: z.string() }) });
  for (const s of ['access', 'query']) await admin.rest.request({ method: 'PUT', path: `/api/2.1/unity-catalog/metastores/${id}/systemschemas/${s}`, body: {}, schema: z.unknown() });
  const mark = emulator.requestLog.mark();
  started = new Date();
  report = await runSmoke({ connection: admin, signal: new AbortController().signal, now: () => Date.now() });
  ended = new Date();
  // Only reads reached the workspace: REST GETs (and no token call was needed for a PAT).
  const rest = emulator.requestLog.entries({ after: mark, kind: 'rest' });
  expect(rest.length).toBeGreaterThan(10);
  expect(rest.filter((e) => e.method !== 'GET')).toEqual([]);
});
afterAll(async () => {
  for (const t of sessions) await t.service.dispose();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the smoke cases against the sandbox (metastore admin, a running warehouse)', () => {
  it.each(SMOKE_CASES.map((c) => [c.id, c] as const))('%s passes', (id) => {
    const r = report.cases.find((c) => c.id === id)!;
    expect(r.doc).toMatch(/^https:\/\/docs\.databricks\.com\//);
    expect({ id, status: r.status, reason: r.reason }).toEqual({ id, status: 'pass', reason: undefined });
  });

  it('sent only SELECT, SHOW and DESCRIBE statements (query history)', async () => {
    const session = await admin.sql(emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath);
    try {
      // Reading system tables takes grants, metastore admins included (given after the run, so not in the window).
      const me = `\`${admin.identity.userName}\``;
      for (const g of [`GRANT USE CATALOG ON CATALOG system TO ${me}`, `GRANT USE SCHEMA ON SCHEMA system.query TO ${me}`, `GRANT SELECT ON TABLE system.query.history TO ${me}`]) await session.execute(g);
      const rows = await session.execute(
        `SELECT statement_text AS t FROM system.query.history WHERE start_time >= TIMESTAMP '${started.toISOString()}' AND start_time <= TIMESTAMP '${ended.toISOString()}'`,
      );
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.map((r) => String(r.t)).filter((t) => !isReadStatement(t))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('prints a table and a report with no secret in it', () => {
    const table = formatSmokeTable(report);
    expect(table).toContain('privilege-views.inherited-from');
    expect(table).toMatch(/\d+ passed, 0 failed, 0 skipped, 0 could not run\. Nothing was written to the workspace\./);
    const json = JSON.stringify(report);
    for (const secret of [...emulator.users.flatMap((u) => [u.token, u.password]), ...emulator.servicePrincipals.map((s) => s.clientSecret)]) expect(json).not.toContain(secret);
    expect(json).not.toContain(emulator.users.find((u) => u.admin)!.userName);
    expect(report).toMatchObject({ identity: { kind: 'user', workspaceAdmin: true, metastoreAdmin: true }, warehouse: 'found running' });
  });
});

describe('the smoke check in harder conditions', () => {
  it('passes with one-item pages and an empty page carrying a token before each', async () => {
    emulator.faults.configure('pageSize=1,emptyPages=1');
    try {
      const paged = await runSmoke({ connection: admin, signal: new AbortController().signal, now: () => Date.now() });
      expect(paged.cases.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
      for (const c of paged.cases.filter((k) => k.id.startsWith('lists.'))) expect(c.observed.emptyPages, c.id).toBeGreaterThan(0);
    } finally {
      emulator.faults.clear();
    }
  });

  it('as an analyst without admin rights: nothing fails, what cannot be seen is skipped with the reason', async () => {
    const analyst = await signIn(emulator.users.find((u) => !u.admin && u.groups.includes('data-analysts'))!.token);
    const own = await runSmoke({ connection: analyst, signal: new AbortController().signal, now: () => Date.now() });
    expect(own.cases.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    expect(own.identity).toMatchObject({ workspaceAdmin: false, metastoreAdmin: false });
  });

  it('with no running warehouse, SQL cases are skipped and nothing is started (runs last: it stops the warehouses)', async () => {
    for (const w of emulator.warehouses) {
      await admin.rest.request({ method: 'POST', path: `/api/2.0/sql/warehouses/${w.id}/stop`, body: {}, schema: z.unknown() });
    }
    const mark = emulator.requestLog.mark();
    const none = await runSmoke({ connection: admin, signal: new AbortController().signal, now: () => Date.now() });
    expect(none.warehouse).toBe('none');
    const sqlCases = ['privilege-views.inherited-from', 'privilege-views.columns', 'show-grants.shape', 'schemas.listing-rule', 'system-tables.describe', 'errors.sql-not-found'];
    for (const id of sqlCases) expect(none.cases.find((c) => c.id === id)).toMatchObject({ status: 'skip', reason: expect.stringContaining('No running SQL warehouse') });
    expect(none.cases.filter((c) => !sqlCases.includes(c.id) && !c.id.startsWith('permissions.')).every((c) => c.status === 'pass')).toBe(true);
    expect(emulator.requestLog.entries({ after: mark }).filter((e) => e.method !== 'GET')).toEqual([]);
  });
});
