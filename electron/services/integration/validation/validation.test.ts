import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import type { IntegrationConfigInput } from '../../../../shared/integration/config';
import { adminAndAnalyst, taskId, type ComposedApp, type Json } from '../integration.test-support';

/** The validation tests on the demo seed, through the handlers, as the metastore admin and as an analyst. */
let emulator: RunningEmulator;
let admin: ComposedApp;
let analyst: ComposedApp;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  [admin, analyst] = await adminAndAnalyst(emulator);
  const sql = await admin.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
  await sql.execute('CREATE CATALOG other_tenant');
  await sql.execute("ALTER CATALOG other_tenant SET TAGS ('ucbridge_integration' = 'elsewhere.cloud.databricks.com')");
  await sql.execute('CREATE CATALOG empty_one');
  await sql.close();
});
afterAll(async () => {
  await Promise.all([admin, analyst].map((m) => m.close()));
  await emulator.stop();
});

const config = (over: Partial<IntegrationConfigInput> = {}): IntegrationConfigInput => ({
  workspaceUrl: emulator.workspaceUrl,
  httpPath: emulator.warehouses[0]!.httpPath,
  catalog: 'ucbridge',
  audit: { enabled: true },
  servicePrincipal: { applicationId: emulator.servicePrincipals[0]!.applicationId },
  governedCatalogs: ['main', 'finance'],
  ...over,
});

async function validate(m: ComposedApp, c: IntegrationConfigInput): Promise<{ status: string; byId: Map<string, Json> }> {
  const saved = await m.call('integration.saveSettings', { settings: { config: c, mode: 'automatic', servicePrincipal: { displayName: 'x', createdByUcbridge: false, secretInVault: false } } });
  expect(saved.ok).toBe(true);
  const r = await m.call('integration.validate', { taskId: taskId('validate') });
  if (!r.ok) throw new Error(r.error.message);
  return { status: r.value.status, byId: new Map(r.value.tests.map((t: Json) => [t.id, t])) };
}

describe('validation on the demo seed', () => {
  it('as the metastore admin with audit on: everything passes but the system schemas, a warning (the set-up enables them) whose fix is to enable them', async () => {
    const { status, byId } = await validate(admin, config());
    // As a metastore admin, the set-up enables the system schemas itself (a REST step): warnings, nothing failed.
    expect(status).toBe('warning');
    const statuses = Object.fromEntries([...byId].map(([id, t]) => [id, t.status]));
    expect(statuses).toEqual({
      'metastore-assigned': 'passed',
      'basic-connection': 'passed',
      'integration-catalog': 'passed',
      'managed-storage': 'passed',
      'catalog-conflict': 'passed',
      'service-principal': 'passed',
      'warehouse-access': 'passed',
      'governed-catalog:main': 'passed',
      'governed-catalog:finance': 'passed',
      'system-schema:access': 'warning',
      'system-schema:query': 'warning',
      'system-table:system.access.audit': 'skipped',
      'system-table:system.access.table_lineage': 'skipped',
      'system-table:system.access.column_lineage': 'skipped',
      'system-table:system.query.history': 'skipped',
    });
    expect(byId.get('system-schema:access')!.fix).toEqual({ kind: 'enable-system-schema', schema: 'access', metastoreId: emulator.sandbox.metastoreId });
    expect(byId.get('metastore-assigned')!.reason).toContain(emulator.sandbox.metastoreRegion);
    // governance-sync is in `admins`, which manages every warehouse by default.
    expect(byId.get('warehouse-access')!.reason).toContain('CAN_MANAGE on SQL warehouse');
  });

  it('enabling the system schemas through REST makes the audit tests pass; the report is kept as the last validation', async () => {
    expect(await admin.call('integration.enableSystemSchema', { schema: 'access' })).toEqual({ ok: true, value: { schema: 'access', state: 'ENABLE_COMPLETED' } });
    expect(await admin.call('integration.enableSystemSchema', { schema: 'query' })).toMatchObject({ ok: true, value: { state: 'ENABLE_COMPLETED' } });
    const { status, byId } = await validate(admin, config());
    expect([...byId.values()].filter((t) => t.status !== 'passed')).toEqual([]);
    expect(status).toBe('passed');
    expect(byId.get('system-table:system.query.history')).toMatchObject({ status: 'passed' });
    expect(await admin.call('integration.view')).toMatchObject({ ok: true, value: { lastValidation: { status: 'passed' } } });
  });

  it('audit off: the audit tests are skipped with the reason', async () => {
    const { byId } = await validate(admin, config({ audit: { enabled: false } }));
    const audit = [...byId.values()].filter((t) => t.id.startsWith('system-'));
    expect(audit).toHaveLength(6);
    for (const t of audit) expect(t).toMatchObject({ status: 'skipped', reason: 'Query audit is off.' });
  });

  it('a catalog another integration has tagged, or one with data and no tag, is a conflict (the seed\u2019s 409)', async () => {
    const tagged = await validate(admin, config({ catalog: 'other_tenant' }));
    expect(tagged.byId.get('catalog-conflict')).toMatchObject({ status: 'failed', reason: expect.stringContaining('elsewhere.cloud.databricks.com'), fix: { kind: 'steps' } });
    const taken = await validate(admin, config({ catalog: 'hr', governedCatalogs: ['main'] }));
    expect(taken.byId.get('catalog-conflict')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/holds .*people.*not marked/) });
    expect(taken.status).toBe('failed');
    const empty = await validate(admin, config({ catalog: 'empty_one' }));
    expect(empty.byId.get('catalog-conflict')).toMatchObject({ status: 'warning', reason: expect.stringContaining('take it over') });
    expect(empty.byId.get('integration-catalog')).toMatchObject({ status: 'passed', reason: expect.stringContaining('you own it') });
  });

  it('a missing governed catalog fails with the SQL that creates it, quoted', async () => {
    const { byId } = await validate(admin, config({ governedCatalogs: ['main', 'no`such'] }));
    expect(byId.get('governed-catalog:no`such')).toMatchObject({ status: 'failed', fix: { kind: 'sql', sql: 'CREATE CATALOG IF NOT EXISTS `no``such`;' } });
  });

  it('an unknown service principal fails with the steps to fix it', async () => {
    const { byId } = await validate(admin, config({ servicePrincipal: { applicationId: '00000000-0000-4000-8000-000000000000' } }));
    expect(byId.get('service-principal')).toMatchObject({ status: 'failed', fix: { kind: 'steps' } });
  });

  it('additional workspaces: each reaches its catalogs, or the test says which does not exist', async () => {
    const { byId } = await validate(admin, config({ additionalWorkspaceConnections: [{ workspaceUrl: emulator.workspaceUrl, httpPath: emulator.warehouses[0]!.httpPath, catalogs: ['analytics', 'gone'] }] }));
    expect(byId.get(`additional-workspace:${emulator.workspaceUrl}`)).toMatchObject({ status: 'failed', reason: expect.stringContaining('gone does not exist') });
    const ok = await validate(admin, config({ additionalWorkspaceConnections: [{ workspaceUrl: emulator.workspaceUrl, httpPath: emulator.warehouses[0]!.httpPath, catalogs: ['analytics'] }] }));
    expect(ok.byId.get(`additional-workspace:${emulator.workspaceUrl}`)).toMatchObject({ status: 'passed' });
  });

  it('as an analyst: may not create the catalog nor grant on governed ones, each with the GRANT that fixes it', async () => {
    const { byId } = await validate(analyst, config({ audit: { enabled: false } }));
    expect(byId.get('integration-catalog')).toMatchObject({ status: 'failed', fix: { kind: 'sql', sql: 'GRANT CREATE CATALOG ON METASTORE TO `siobhan.obrien@lakeside.example`;', who: 'a metastore admin' } });
    expect(byId.get('governed-catalog:main')).toMatchObject({ status: 'failed', fix: { kind: 'sql', sql: 'GRANT MANAGE ON CATALOG `main` TO `siobhan.obrien@lakeside.example`;' } });
    expect(byId.get('basic-connection')).toMatchObject({ status: 'passed' });
  });

  it('reports progress per test through the task, and validate without settings is refused plainly', async () => {
    const id = taskId('validate');
    const r = await admin.call('integration.validate', { taskId: id });
    expect(r.ok).toBe(true);
    const progress = admin.events.filter((e) => e.name === 'task.progress' && e.payload.taskId === id).map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ state: 'succeeded' });
    expect(progress.some((p) => p.total > 1 && p.done > 0 && p.done < p.total)).toBe(true);
    await admin.call('integration.forget');
    expect(await admin.call('integration.validate', { taskId: taskId('validate') })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
