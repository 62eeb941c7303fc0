import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { IntegrationConfigSchema, type IntegrationConfig } from '../../../../shared/integration/config';
import type { ObservedGrant } from '../../../../shared/integration/observed-state';
import type { Plan } from '../../../../shared/integration/plan-types';
import { planSetup, planUninstall } from '../../../../shared/integration/planner';
import { verifyPlan } from '../../../../shared/integration/verify';
import type { BrowserOpener } from '../../../ports';
import type { SqlSession, WorkspaceConnection } from '../../connection/types';
import { testSession, type TestSession } from '../../session/session.test-support';
import { schemaNames } from '../governed-schemas';
import { observeAll } from '../plan-service';
import { checkGovernedSchemas } from '../validation/check-governed-schemas';
import { createValidationContext } from '../validation/validation-context';
import { observeWorkspace } from './observe-workspace';
import { ADMIN_VIEWER, sandboxSql, type SandboxSql } from './sandbox-sql.test-support';
import { grantViewerOf } from './viewer';

/**
 * An installer with MANAGE on the governed catalogs who neither owns them nor is a metastore admin: the demo seed's
 * `governance-sync` service principal (USE CATALOG and MANAGE on each catalog; a workspace admin, so it may create
 * the integration catalog). The sandbox holds it to the documented rules:
 * - *_privileges show it only its own grants (the note on
 *   https://docs.databricks.com/aws/en/sql/language-manual/information-schema/catalog_privileges), while SHOW GRANTS
 *   shows it all of them (https://docs.databricks.com/aws/en/data-governance/unity-catalog/manage-privileges/);
 * - list-schemas returns it only schemas it owns or holds USE SCHEMA on
 *   (https://docs.databricks.com/api/workspace/schemas/list).
 * Observation reads the service principal's grants with SHOW GRANTS there, so set-up converges and uninstall revokes.
 */
let emulator: RunningEmulator;
let t: TestSession;
let conn: WorkspaceConnection;
let installer: SqlSession;
let admin: SandboxSql;
let adminSession: SqlSession;
let dir: string;
let config: IntegrationConfig;
const noBrowser: BrowserOpener = { open: async () => undefined };
const GOVERNED = ['hr', 'finance'];

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-manage-only-'));
  t = await testSession({ dir, emulator, browser: noBrowser });
  const sync = emulator.servicePrincipals.find((s) => s.displayName === 'governance-sync')!;
  await t.service.signIn({ taskId: 'signin-manage-01', workspace: { kind: 'sandbox' }, auth: { method: 'oauth-m2m', clientId: sync.applicationId, clientSecret: sync.clientSecret }, useProfileSecret: false });
  conn = t.service.requireConnection();
  installer = await conn.sql(emulator.warehouses[0]!.httpPath);
  admin = sandboxSql(emulator, emulator.users.find((u) => u.admin)!.userName, dir);
  adminSession = await admin.open();
  const rows = await adminSession.execute(`SELECT catalog_name AS c, schema_name AS s FROM system.information_schema.schemata WHERE catalog_name IN ('hr', 'finance') AND schema_name <> 'information_schema'`);
  const governedSchemas: Record<string, string[]> = {};
  for (const r of rows) (governedSchemas[String(r.c)] ??= []).push(String(r.s));
  config = IntegrationConfigSchema.parse({
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'ucbridge_mo',
    audit: { enabled: false },
    servicePrincipal: { applicationId: emulator.servicePrincipals.find((s) => s.displayName === 'bi-dashboards')!.applicationId },
    governedCatalogs: GOVERNED,
    manageScope: 'schema',
    governedSchemas,
  });
});
afterAll(async () => {
  await installer?.close();
  await admin?.close();
  await t?.service.dispose();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

const run = async (plan: Plan) => {
  for (const step of plan.steps.filter((s) => s.action !== 'unchanged')) await installer.execute(step.sql);
};
const governedGrants = (grants: readonly ObservedGrant[]) =>
  grants.filter((g) => GOVERNED.includes(g.name[0]!)).map((g) => ({ ...g, privileges: [...g.privileges].sort() })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('observation by an installer who holds MANAGE but owns nothing', () => {
  it('is not a metastore admin and owns no governed catalog', async () => {
    const viewer = await grantViewerOf(conn);
    expect(viewer.metastoreAdmin).toBe(false);
    const owners = await adminSession.execute("SELECT catalog_owner AS o FROM system.information_schema.catalogs WHERE catalog_name IN ('hr', 'finance')");
    for (const { o } of owners) expect(viewer.names).not.toContain(String(o).toLowerCase());
  });

  it.each(['schema', 'catalog'] as const)('sets up (MANAGE per %s), sees the grants through SHOW GRANTS (the views hide them), converges, and uninstalls every grant', async (manageScope) => {
    const scoped = IntegrationConfigSchema.parse({ ...config, manageScope });
    const observe = () => observeAll(installer, scoped, new AbortController().signal, conn);
    const fresh = planSetup(scoped, await observe());
    await run(fresh);
    const after = await observe();
    expect(verifyPlan(planSetup(scoped, after))).toMatchObject({ converged: true });
    // The same grants the metastore admin reads from the privilege views.
    const adminView = await observeWorkspace(adminSession, scoped, ADMIN_VIEWER);
    const seen = governedGrants(after.targets.main!.grants);
    expect(seen.length).toBe(GOVERNED.length + (manageScope === 'schema' ? Object.values(config.governedSchemas).flat().length : 0));
    expect(seen).toEqual(governedGrants(adminView.targets.main!.grants));
    // Reading the views alone as this installer (pretending they showed everything) finds none of them.
    const viewsOnly = await observeWorkspace(installer, scoped, { names: [], metastoreAdmin: true });
    expect(governedGrants(viewsOnly.targets.main!.grants)).toEqual([]);

    const uninstall = planUninstall(scoped, after);
    const revokes = uninstall.steps.filter((s) => /^REVOKE/.test(s.sql) && GOVERNED.some((c) => s.sql.includes(`\`${c}\``)));
    expect(revokes.length).toBe(seen.length);
    expect(revokes.every((s) => s.action === 'change')).toBe(true);
    await run(uninstall);
    const gone = (await observeWorkspace(adminSession, scoped, ADMIN_VIEWER)).targets.main!;
    expect(governedGrants(gone.grants)).toEqual([]);
    expect(gone.catalogs.map((c) => c.name)).not.toContain('ucbridge_mo');
  });
});

describe('schema lists for an installer who may not list every schema', () => {
  it('gets a short list from Databricks, and validation warns naming the catalog and the rule', async () => {
    expect(await schemaNames(conn.rest, 'hr')).toEqual([]);
    expect(config.governedSchemas.hr!.length).toBeGreaterThan(1);
    const ctx = createValidationContext({ config, connection: conn, signal: new AbortController().signal, ownershipTag: { key: 'ucbridge_integration', value: 'x' } });
    try {
      const test = await checkGovernedSchemas(ctx, 'hr');
      expect(test.status).toBe('warning');
      expect(test.reason).toContain('neither a metastore admin nor the owner of hr');
      expect(test.reason).toContain('lists only the schemas of hr you own or hold USE SCHEMA on');
      expect(test.fix).toMatchObject({ kind: 'sql', sql: expect.stringContaining('GRANT USE SCHEMA ON CATALOG `hr` TO') });
    } finally {
      await ctx.close();
    }
    // With USE SCHEMA on the catalog (MANAGE lets the installer grant it to itself) the list is whole.
    await installer.execute(`GRANT USE SCHEMA ON CATALOG \`hr\` TO \`${conn.identity.userName}\``);
    expect(await schemaNames(conn.rest, 'hr')).toEqual([...config.governedSchemas.hr!].sort());
  });
});
