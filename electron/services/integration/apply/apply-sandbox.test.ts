import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { IntegrationConfigSchema } from '../../../../shared/integration/config';
import { planSetup } from '../../../../shared/integration/planner';
import type { Plan } from '../../../../shared/integration/plan-types';
import { quoteIdent, quoteLiteral } from '../../../../shared/sql/quote';
import type { SqlSession, WorkspaceConnection } from '../../connection/types';
import { sandboxSecrets, testSession, type TestSession } from '../../session/session.test-support';
import { observeWorkspace } from '../observe/observe-workspace';
import { ADMIN_VIEWER } from '../observe/sandbox-sql.test-support';
import { memoryStore } from './apply.test-support';
import { ManifestSchema, manifestApiPath, writeManifest } from './manifest';
import { createPlanJournal } from './plan-journal';
import { runPlan } from './run-plan';
import type { RetryOptions } from '../../http/retry-policy';
import { createSqlStepExecutor } from './sql-step-executor';
import { syntheticPlan } from './synthetic-plan.test-support';

/** Automatic apply against the sandbox through the real driver, signed in as the metastore admin. */
let emulator: RunningEmulator;
let t: TestSession;
let conn: WorkspaceConnection;
let admin: SqlSession;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-apply-'));
  t = await testSession({ dir, emulator, browser: { open: async () => undefined } });
  // The metastore admin: the set-up plan grants on catalogs it owns and on `system`.
  const user = emulator.users.find((u) => u.admin)!;
  await t.service.signIn({ taskId: 'signin-apply-01', workspace: { kind: 'sandbox' }, auth: { method: 'pat', token: user.token }, useProfileSecret: false });
  conn = t.service.requireConnection();
  admin = await conn.sql(httpPath());
});
afterAll(async () => {
  emulator?.faults.clear();
  await t?.service.dispose();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

const httpPath = () => emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath;
const FAST_RETRY: RetryOptions = { baseDelayMs: 20, maxDelayMs: 200 };

async function apply(plan: Plan, o: { kv?: ReturnType<typeof memoryStore>; retry?: RetryOptions } = {}) {
  const executor = createSqlStepExecutor({ openSession: () => conn.sql(httpPath()) });
  try {
    const result = await runPlan({ plan, executor: executor.run, journal: createPlanJournal(o.kv ?? memoryStore(), 'apply'), retry: o.retry ?? FAST_RETRY });
    return { result, sessionsOpened: executor.sessionsOpened };
  } finally {
    await executor.close();
  }
}

/** Catalogs, schemas, tables and grants under a prefix, with the prefix taken out so two runs compare. */
async function stateOf(prefix: string): Promise<string[]> {
  // Prefixes never overlap (clean, flaky, resume), so a plain prefix match needs no LIKE escape.
  const like = quoteLiteral(`${prefix}%`);
  const q = async (sql: string) => (await admin.execute(sql)).map((r) => Object.values(r).join('|').replaceAll(prefix, 'P'));
  return [
    ...(await q(`SELECT catalog_name FROM system.information_schema.catalogs WHERE catalog_name LIKE ${like}`)),
    ...(await q(`SELECT catalog_name, schema_name FROM system.information_schema.schemata WHERE catalog_name LIKE ${like}`)),
    ...(await q(`SELECT table_catalog, table_schema, table_name FROM system.information_schema.tables WHERE table_catalog LIKE ${like}`)),
    ...(await q(`SELECT grantee, catalog_name, privilege_type FROM system.information_schema.catalog_privileges WHERE catalog_name LIKE ${like}`)),
    ...(await q(`SELECT grantee, catalog_name, schema_name, privilege_type FROM system.information_schema.schema_privileges WHERE catalog_name LIKE ${like}`)),
    ...(await q(`SELECT grantee, table_catalog, table_schema, table_name, privilege_type FROM system.information_schema.table_privileges WHERE table_catalog LIKE ${like}`)),
  ].sort();
}

const shape = { catalogs: 2, schemasPerCatalog: 2, tablesPerSchema: 3 } as const;

/** What the uninterrupted run (the first test) left, checked to be non-trivial before anything is compared with it. */
async function cleanState(): Promise<string[]> {
  const state = await stateOf('clean');
  expect(state).toHaveLength(40); // 2 catalogs, 8 schemas (2 built-in each), 12 tables, 20 grants
  return state;
}

describe('runPlan with the SQL executor on the sandbox', () => {
  it('applies a synthetic plan: every object and grant exists afterwards', async () => {
    const plan = syntheticPlan({ prefix: 'clean', ...shape });
    const { result } = await apply(plan);
    expect(result).toMatchObject({ ran: plan.steps.length, skipped: 0, failed: 0, failure: null, resumed: false });
    const state = await stateOf('clean');
    expect(state.filter((r) => /^P_c\d\|s\d\|t\d$/.test(r))).toHaveLength(12);
    expect(state.filter((r) => r.endsWith('|SELECT'))).toHaveLength(12);
    expect(state.filter((r) => r.endsWith('|USE_SCHEMA'))).toHaveLength(4);
    expect(state.filter((r) => r.endsWith('|USE_CATALOG'))).toHaveLength(2);
  });

  it('a connection dropped mid-apply is retried on a fresh session and ends in the uninterrupted state', async () => {
    const plan = syntheticPlan({ prefix: 'flaky', ...shape });
    emulator.faults.set({ resetAfter: 9 });
    try {
      const { result, sessionsOpened } = await apply(plan);
      expect(emulator.faults.counters.resets).toBeGreaterThan(0);
      expect(result).toMatchObject({ ran: plan.steps.length, failed: 0 });
      // Four workers' sessions, plus a fresh one for each statement whose connection was reset.
      expect(sessionsOpened).toBeGreaterThan(4);
    } finally {
      emulator.faults.clear();
    }
    expect(await stateOf('flaky')).toEqual(await cleanState());
  });

  it('a connection dropped with no retries left stops the apply; the resume finishes it, same end state', async () => {
    const plan = syntheticPlan({ prefix: 'resume', ...shape });
    const kv = memoryStore();
    emulator.faults.set({ resetAfter: 12 });
    let first;
    try {
      first = (await apply(plan, { kv, retry: { maxAttempts: 1 } })).result;
    } finally {
      emulator.faults.clear();
    }
    expect(first.failed).toBeGreaterThan(0);
    // A reset statement reports the dropped connection as such: the host was reached, so never "could not reach".
    expect(first.failure?.message).toMatch(/connection to 127\.0\.0\.1:\d+ dropped before it answered/);
    expect(first.failure?.message).not.toContain('could not reach');
    const done = first.ran;
    expect(done).toBeGreaterThan(0);
    const { result } = await apply(plan, { kv });
    expect(result).toMatchObject({ resumed: true, skipped: done, ran: plan.steps.length - done, failed: 0 });
    expect(await stateOf('resume')).toEqual(await cleanState());
  });
});

describe('cancel on the sandbox', () => {
  it('cancel mid-apply starts nothing more and keeps what finished; the resume ends in the uninterrupted state', async () => {
    const plan = syntheticPlan({ prefix: 'cancel', ...shape });
    const kv = memoryStore();
    const controller = new AbortController();
    const executor = createSqlStepExecutor({ openSession: () => conn.sql(httpPath()) });
    let done = 0;
    let startedAfterCancel = 0;
    emulator.faults.set({ latencyMs: 100 });
    try {
      const run = runPlan({
        plan,
        executor: executor.run,
        journal: createPlanJournal(kv, 'apply'),
        signal: controller.signal,
        onStep: (e) => {
          if (e.state === 'running' && controller.signal.aborted) startedAfterCancel++;
          if (e.state === 'done' && ++done === 5) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    } finally {
      emulator.faults.clear();
      await executor.close();
    }
    expect(startedAfterCancel).toBe(0);
    const kept = await createPlanJournal(kv, 'apply').peek();
    expect(kept).toEqual({ kind: 'setup', hash: plan.hash, done });
    const { result } = await apply(plan, { kv });
    expect(result).toMatchObject({ resumed: true, skipped: done, ran: plan.steps.length - done, failed: 0 });
    expect(await stateOf('cancel')).toEqual(await cleanState());
  });
});

describe('the sandbox as the apply benchmark uses it', () => {
  it('answers a DDL statement in one request, so the faults latency is added exactly once per statement', async () => {
    await admin.execute('CREATE CATALOG IF NOT EXISTS probe');
    const before = emulator.faults.counters.requests;
    for (let i = 0; i < 5; i++) await admin.execute(`CREATE SCHEMA IF NOT EXISTS probe.s${i}`);
    await admin.execute('GRANT USE CATALOG ON CATALOG probe TO `account users`');
    expect(emulator.faults.counters.requests - before).toBe(6);
  });
});

describe('the set-up plan and the manifest', () => {
  const demo = () =>
    IntegrationConfigSchema.parse({
      workspaceUrl: emulator.workspaceUrl,
      httpPath: httpPath(),
      catalog: 'ucbridge_apply_it',
      audit: { enabled: true },
      servicePrincipal: { applicationId: emulator.servicePrincipals.find((s) => !s.admin)!.applicationId },
      governedCatalogs: ['hr', 'finance'],
    });

  it('applies planSetup(config, null), then a re-apply of the observed plan runs nothing', async () => {
    const config = demo();
    const first = await apply(planSetup(config, null));
    expect(first.result).toMatchObject({ failed: 0, failure: null });
    expect(first.result.ran).toBeGreaterThan(5);
    const again = planSetup(config, await observeWorkspace(admin, config, ADMIN_VIEWER));
    expect(again.steps.filter((s) => s.action !== 'unchanged').map((s) => s.id)).toEqual([]);
    const second = await apply(again);
    expect(second.result).toMatchObject({ ran: 0, skipped: again.steps.length, failed: 0 });
    expect(second.sessionsOpened).toBe(0);
  });

  it('writes the manifest to the staging volume, readable back through the Files API, with no secret in it', async () => {
    const config = demo();
    await admin.execute(`CREATE CATALOG IF NOT EXISTS ${quoteIdent(config.catalog)}`);
    await admin.execute(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.catalog)}.registry`);
    await admin.execute(`CREATE VOLUME IF NOT EXISTS ${quoteIdent(config.catalog)}.registry.staging`);
    const appliedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    const path = await writeManifest(conn.rest, { catalog: config.catalog, config, planHash: 'abc123', appliedAt, appliedBy: conn.identity.userName, addedPrivileges: [] });
    expect(path).toBe('/Volumes/ucbridge_apply_it/registry/staging/manifest.json');
    const back = await conn.rest.request({ method: 'GET', path: manifestApiPath(config.catalog), schema: ManifestSchema });
    expect(back).toMatchObject({ product: 'ucbridge', planHash: 'abc123', appliedAt: '2026-01-02T03:04:05.000Z', appliedBy: conn.identity.userName, config: { catalog: 'ucbridge_apply_it', governedCatalogs: ['hr', 'finance'] } });
    const text = JSON.stringify(back);
    for (const secret of sandboxSecrets(emulator)) expect(text).not.toContain(secret);
    // A second apply overwrites it.
    await writeManifest(conn.rest, { catalog: config.catalog, config, planHash: 'def456', appliedAt, appliedBy: conn.identity.userName, addedPrivileges: [] });
    expect((await conn.rest.request({ method: 'GET', path: manifestApiPath(config.catalog), schema: ManifestSchema })).planHash).toBe('def456');
  });
});
