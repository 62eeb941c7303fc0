import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { IntegrationConfigSchema, type IntegrationConfig } from '../../../../shared/integration/config';
import type { Plan } from '../../../../shared/integration/plan-types';
import { planSetup, planUninstall } from '../../../../shared/integration/planner';
import { exportScripts } from '../../../../shared/integration/script-export';
import { verifyPlan } from '../../../../shared/integration/verify';
import { quoteIdent, quoteLiteral, quoteName } from '../../../../shared/sql/quote';
import type { SqlSession } from '../../connection/types';
import { observeWorkspace } from './observe-workspace';
import { ADMIN_VIEWER, sandboxSql, type SandboxSql } from './sandbox-sql.test-support';

/** Observe, apply the plan statement by statement through the real driver as the admin user, observe again. */
let emulator: RunningEmulator;
let sql: SandboxSql;
let session: SqlSession;
let dir: string;
let config: IntegrationConfig;
// A governed catalog with a name that needs every kind of quoting Unity Catalog allows.
const HOSTILE = "we`ird'\"cät-\u00e9\u6f22\u5b57";

const run = async (plan: Plan) => {
  for (const step of plan.steps) await session.execute(step.sql);
};
const actions = (plan: Plan) => Object.fromEntries(plan.steps.map((s) => [s.id, s.action]));

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-observe-'));
  sql = sandboxSql(emulator, emulator.users.find((u) => u.admin)!.userName, dir);
  session = await sql.open();
  await session.execute(`CREATE CATALOG ${quoteIdent(HOSTILE)}`);
  await session.execute(`CREATE SCHEMA ${quoteName(HOSTILE, "sch`'\u00e9ma")}`);
  // The schema lists the app would read on save, here through SQL: MANAGE is granted on each (sp-grants.ts).
  const rows = await session.execute(`SELECT catalog_name AS c, schema_name AS s FROM system.information_schema.schemata WHERE catalog_name IN ('hr', 'finance', ${quoteLiteral(HOSTILE.toLowerCase())}) AND schema_name <> 'information_schema'`);
  const governedSchemas: Record<string, string[]> = {};
  for (const r of rows) (governedSchemas[String(r.c)] ??= []).push(String(r.s));
  config = IntegrationConfigSchema.parse({
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'ucbridge_it',
    audit: { enabled: true },
    servicePrincipal: { applicationId: emulator.servicePrincipals.find((s) => !s.admin)!.applicationId },
    // MANAGE per schema: the observation then reads the schema grants of the governed catalogs too.
    manageScope: 'schema',
    governedCatalogs: ['hr', 'finance', HOSTILE],
    governedSchemas,
  });
});
afterAll(async () => {
  await sql?.close();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('observeWorkspace on the sandbox', () => {
  it('sees an empty integration, then a converged one after the set-up statements, then nothing after uninstall', async () => {
    const before = await observeWorkspace(session, config, ADMIN_VIEWER);
    const main = before.targets.main!;
    expect(main.catalogs.map((c) => c.name).sort()).toEqual(['finance', 'hr', 'system', HOSTILE.toLowerCase()].sort());
    expect(main.catalogs.find((c) => c.name === 'hr')!.owner).toBe(emulator.users.find((u) => u.admin)!.userName);
    expect(main.schemas.map((s) => s.join('.')).sort()).toEqual(['system.access', 'system.query']);
    expect(main.volumes).toEqual([]);
    expect(main.grants).toEqual([]);
    const fresh = planSetup(config, before);
    expect(fresh.steps.filter((s) => s.action !== 'create')).toEqual([]);

    await run(fresh);
    const after = await observeWorkspace(session, config, ADMIN_VIEWER);
    const hostileSchemaGrants = after.targets.main!.grants.filter((g) => g.securable === 'SCHEMA' && g.name[0] === HOSTILE.toLowerCase());
    expect(hostileSchemaGrants).toContainEqual({ securable: 'SCHEMA', name: [HOSTILE.toLowerCase(), "sch`'\u00e9ma"], privileges: ['MANAGE'] });
    expect(hostileSchemaGrants).toHaveLength(config.governedSchemas[HOSTILE.toLowerCase()]!.length);
    const converged = planSetup(config, after);
    expect(converged.steps.filter((s) => s.action !== 'unchanged').map((s) => s.id)).toEqual([]);
    expect(converged.hash).toBe(fresh.hash);
    expect(verifyPlan(converged)).toMatchObject({ converged: true });
    expect(after.targets.main!.catalogs.find((c) => c.name === 'ucbridge_it')!.integrationTag).toBe(new URL(emulator.workspaceUrl).host);

    const uninstall = planUninstall(config, after);
    expect(uninstall.steps.every((s) => s.action === (s.id === 'undo:catalog' ? 'drop' : 'change'))).toBe(true);
    await run(uninstall);
    const gone = await observeWorkspace(session, config, ADMIN_VIEWER);
    const left = gone.targets.main!;
    expect(left.catalogs.map((c) => c.name)).not.toContain('ucbridge_it');
    expect(left.schemas.filter(([c]) => c === 'ucbridge_it')).toEqual([]);
    expect(left.tables.filter(([c]) => c === 'ucbridge_it')).toEqual([]);
    expect(left.volumes).toEqual([]);
    expect(left.grants).toEqual([]);
    expect(planUninstall(config, gone).steps.every((s) => s.action === 'unchanged')).toBe(true);
    expect(new Set(planSetup(config, gone).steps.map((s) => s.action))).toEqual(new Set(['create']));
  });

  it('marks a grant with some of its privileges as change, and tells a foreign tag apart', async () => {
    const sp = quoteIdent(config.servicePrincipal.applicationId);
    await session.execute(`GRANT USE CATALOG ON CATALOG \`finance\` TO ${sp}`);
    await session.execute("CREATE CATALOG IF NOT EXISTS `ucbridge_it`");
    await session.execute("ALTER CATALOG `ucbridge_it` SET TAGS ('ucbridge_integration' = 'other-workspace.example.com')");
    try {
      const marks = actions(planSetup(config, await observeWorkspace(session, config, ADMIN_VIEWER)));
      expect(marks).toMatchObject({ catalog: 'unchanged', 'catalog:tag': 'change', 'schema:policies': 'create', 'grant:sp:governed:finance': 'change', 'grant:sp:governed:hr': 'create' });
    } finally {
      await session.execute(`REVOKE USE CATALOG ON CATALOG \`finance\` FROM ${sp}`);
      await session.execute('DROP CATALOG IF EXISTS `ucbridge_it` CASCADE');
    }
  });

  it('the exported setup.sql, run statement by statement, converges; uninstall.sql leaves nothing', async () => {
    const files = exportScripts(config, { generatedAt: '2026-12-06T00:00:00.000Z' });
    const script = (name: string) =>
      files.find((f) => f.name === name)!.content.split('\n').filter((l) => l !== '' && !l.startsWith('--')).map((l) => l.slice(0, -1));
    for (const statement of script('setup.sql')) await session.execute(statement);
    const after = await observeWorkspace(session, config, ADMIN_VIEWER);
    expect(verifyPlan(planSetup(config, after))).toMatchObject({ converged: true });
    for (const statement of script('uninstall.sql')) await session.execute(statement);
    const gone = (await observeWorkspace(session, config, ADMIN_VIEWER)).targets.main!;
    expect(gone.catalogs.map((c) => c.name)).not.toContain('ucbridge_it');
    expect(gone.grants).toEqual([]);
    expect(verifyPlan(planSetup(config, { targets: { main: gone }, at: 0 })).converged).toBe(false);
  });

  it('observes an additional workspace\u2019s catalogs only, under its URL', async () => {
    const url = 'workspace-b.cloud.databricks.com';
    const withExtra = IntegrationConfigSchema.parse({ ...config, additionalWorkspaceConnections: [{ workspaceUrl: url, httpPath: '/sql/1.0/warehouses/b', catalogs: ['raw'] }] });
    const observed = await observeWorkspace(session, withExtra, ADMIN_VIEWER, undefined, url);
    expect(Object.keys(observed.targets)).toEqual([url]);
    expect(observed.targets[url]!.catalogs.map((c) => c.name)).toEqual(['raw']);
    expect(observed.targets[url]!.schemas).toEqual([]);
    const marks = planSetup(withExtra, observed).steps.filter((s) => s.target === url).map((s) => s.action);
    expect(marks).toEqual(['create']);
  });

  it('observes without audit: no system schemas, tables or grants are read', async () => {
    const noAudit = IntegrationConfigSchema.parse({ ...config, audit: { enabled: false } });
    const observed = (await observeWorkspace(session, noAudit, ADMIN_VIEWER)).targets.main!;
    expect(observed.catalogs.map((c) => c.name)).not.toContain('system');
    expect(observed.schemas).toEqual([]);
    expect(planSetup(noAudit, { targets: { main: observed }, at: 0 }).steps.every((s) => s.action === 'create')).toBe(true);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(observeWorkspace(session, config, ADMIN_VIEWER, controller.signal)).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
  });
});
