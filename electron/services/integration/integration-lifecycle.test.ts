import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { inSequence } from '../../../test/in-sequence';
import { composedWithSandbox, taskId, type ComposedApp, type Json } from './integration.test-support';

/**
 * The whole lifecycle through the handlers (composeMain + gateway) on the demo seed: create the service principal,
 * save, plan, apply, re-apply runs nothing, verify, act as the service principal, uninstall leaves nothing.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let sp: { applicationId: string; secret: string };
let planHash = '';
// One lifecycle, each test continuing from the one before: after a failure the rest say so instead of failing anew.
const it = inSequence();

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
  const created = await main.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
  if (!created.ok) throw new Error(created.error.message);
  const applicationId = created.value.servicePrincipal.applicationId as string;
  sp = { applicationId, secret: (await main.spSecret(applicationId))!.clientSecret };
  for (const schema of ['access', 'query']) await main.call('integration.enableSystemSchema', { schema });
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

const settings = () => ({
  config: {
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'ucbridge',
    audit: { enabled: true },
    servicePrincipal: { applicationId: sp.applicationId },
    governedCatalogs: ['main', 'finance'],
  },
  mode: 'automatic',
  servicePrincipal: { displayName: 'UCBRIDGE_USER', createdByUcbridge: true, secretInVault: true },
});

async function adminSql(sql: string): Promise<readonly Record<string, unknown>[]> {
  const session = await main.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
  try {
    return await session.execute(sql);
  } finally {
    await session.close();
  }
}

const stepEvents = (id: string) => main.events.filter((e) => e.name === 'integration.step' && e.payload.taskId === id).map((e) => e.payload);

describe('set-up through the handlers', () => {
  it('plans every step as create, with the tag and least-privilege grants: MANAGE on each governed catalog (the default)', async () => {
    const saved = await main.call('integration.saveSettings', { settings: settings() });
    expect(saved).toMatchObject({ ok: true, value: { status: 'configured', settings: { config: { manageScope: 'catalog', governedSchemas: {} } } } });
    const plan = await main.call('integration.plan', { kind: 'setup' });
    if (!plan.ok) throw new Error(plan.error.message);
    planHash = plan.value.hash;
    expect(plan.value.steps.length).toBeGreaterThan(10);
    // The system schemas were enabled before (beforeAll): their REST steps are unchanged, every statement creates.
    expect(plan.value.steps.filter((s: Json) => s.rest).map((s: Json) => [s.id, s.action])).toEqual([['system-schema:access', 'unchanged'], ['system-schema:query', 'unchanged']]);
    expect(plan.value.steps.filter((s: Json) => !s.rest).every((s: Json) => s.action === 'create')).toBe(true);
    const sqls = plan.value.steps.map((s: Json) => s.sql as string);
    expect(sqls).toContain(`GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG \`main\` TO \`${sp.applicationId}\``);
    expect(sqls.filter((q: string) => /\bMANAGE\b/.test(q))).toHaveLength(2);
  });

  it('refuses to apply a plan other than the one previewed', async () => {
    expect(await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: 'f'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'CONFLICT', hint: expect.stringContaining('Preview') } });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'configured' } });
  });

  it('applies with step events and progress, writes the manifest, and the status is enabled', async () => {
    const id = taskId('apply');
    const r = await main.call('integration.apply', { taskId: id, kind: 'setup', planHash });
    expect(r).toMatchObject({ ok: true, value: { kind: 'setup', planHash, failed: 0, failure: null, manifestPath: '/Volumes/ucbridge/registry/staging/manifest.json' } });
    if (!r.ok) return;
    expect(r.value.ran).toBeGreaterThan(10);
    expect(stepEvents(id).filter((e) => e.state === 'done')).toHaveLength(r.value.ran);
    const progress = main.events.filter((e) => e.name === 'task.progress' && e.payload.taskId === id).map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ state: 'succeeded' });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'enabled', lastApply: { ran: r.value.ran }, resumable: null } });
    const tags = await adminSql("SELECT tag_value FROM ucbridge.information_schema.catalog_tags WHERE catalog_name = 'ucbridge' AND tag_name = 'ucbridge_integration'");
    expect(tags).toEqual([{ tag_value: new URL(emulator.workspaceUrl).host }]);
  });

  it('re-planning shows everything unchanged, and re-applying runs nothing', async () => {
    const plan = await main.call('integration.plan', { kind: 'setup' });
    expect(plan.ok && plan.value.steps.every((s: Json) => s.action === 'unchanged')).toBe(true);
    expect(plan.ok && plan.value.hash).toBe(planHash);
    const r = await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash });
    expect(r).toMatchObject({ ok: true, value: { ran: 0, failed: 0 } });
  });

  it('verify says converged, and validation now recognises the catalog as this integration\u2019s', async () => {
    const r = await main.call('integration.verify', { taskId: taskId('verify') });
    expect(r).toMatchObject({ ok: true, value: { converged: true } });
    expect(r.ok && r.value.steps.every((s: Json) => s.state === 'present')).toBe(true);
    const v = await main.call('integration.validate', { taskId: taskId('validate') });
    expect(v.ok && v.value.tests.filter((t: Json) => t.id === 'catalog-conflict' || t.id === 'integration-catalog')).toEqual([
      expect.objectContaining({ status: 'passed', reason: expect.stringContaining('not created again') }),
      expect.objectContaining({ status: 'passed', reason: expect.stringContaining('already this integration') }),
    ]);
  });
});

describe('acting as the service principal (M2M with its secret from the vault)', () => {
  let asSp: ComposedApp;
  const spSql = async (sql: string) => {
    const session = await asSp.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
    try {
      return await session.execute(sql);
    } finally {
      await session.close();
    }
  };
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: { error?: { code: string; message: string } }) => e.error ?? { code: 'THROWN', message: String(e) });

  beforeAll(async () => {
    asSp = await composedWithSandbox(emulator, { clientId: sp.applicationId, clientSecret: sp.secret });
  });
  afterAll(async () => {
    await asSp.close();
  });

  it('reads and modifies governed tables, and sets a column mask and a row filter with its own policy functions', async () => {
    expect((await spSql('SELECT count(*) AS n FROM main.sales.customers'))[0]!.n).toBeGreaterThan(0);
    await spSql("UPDATE main.sales.customers SET loyalty_tier = loyalty_tier WHERE customer_id = 1");
    await spSql('CREATE FUNCTION IF NOT EXISTS ucbridge.policies.redact_email(email STRING) RETURNS STRING RETURN CASE WHEN is_account_group_member(\'admins\') THEN email ELSE \'***\' END');
    await spSql('ALTER TABLE main.sales.customers ALTER COLUMN email SET MASK ucbridge.policies.redact_email');
    expect(await adminSql("SELECT count(*) AS n FROM main.information_schema.column_masks WHERE table_name = 'customers' AND column_name = 'email'")).toEqual([{ n: 1 }]);
    await spSql('ALTER TABLE main.sales.customers ALTER COLUMN email DROP MASK');
    await spSql("CREATE FUNCTION IF NOT EXISTS ucbridge.policies.gold_only(tier STRING) RETURNS BOOLEAN RETURN is_account_group_member('admins') OR tier = 'gold'");
    await spSql('ALTER TABLE main.sales.customers SET ROW FILTER ucbridge.policies.gold_only ON (loyalty_tier)');
    expect(await adminSql("SELECT count(*) AS n FROM main.information_schema.row_filters WHERE table_name = 'customers'")).toEqual([{ n: 1 }]);
    await spSql('ALTER TABLE main.sales.customers DROP ROW FILTER');
    expect((await spSql('SELECT count(*) AS n FROM system.access.audit'))[0]).toBeDefined();
  });

  it('grants and revokes access to a governed table (MANAGE on its catalog, inherited by the table)', async () => {
    await spSql('GRANT SELECT ON TABLE main.sales.customers TO `data-analysts`');
    const held = "SELECT count(*) AS n FROM main.information_schema.table_privileges WHERE table_name = 'customers' AND grantee = 'data-analysts' AND privilege_type = 'SELECT' AND inherited_from = 'NONE'";
    expect(await adminSql(held)).toEqual([{ n: 1 }]);
    await spSql('REVOKE SELECT ON TABLE main.sales.customers FROM `data-analysts`');
    expect(await adminSql(held)).toEqual([{ n: 0 }]);
  });

  it('cannot create catalogs, nor drop the integration catalog or a catalog it does not govern; MANAGE on a governed catalog would let it drop that one', async () => {
    const denied = { code: 'SQL_ERROR', message: expect.stringMatching(/INSUFFICIENT_PERMISSIONS[\s\S]*42501/) };
    expect(await failure(spSql('CREATE CATALOG sp_made'))).toMatchObject(denied);
    // What the least-privilege table says of MANAGE on a catalog: the privilege check passes, only CASCADE is missing.
    expect(await failure(spSql('DROP CATALOG finance'))).toMatchObject({ code: 'SQL_ERROR', message: expect.stringContaining('CATALOG_NOT_EMPTY') });
    expect(await failure(spSql('DROP CATALOG ucbridge CASCADE'))).toMatchObject({ code: 'SQL_ERROR', message: expect.stringMatching(/MANAGE|owner/i) });
    expect(await failure(spSql('DROP CATALOG hr CASCADE'))).toMatchObject({ code: 'SQL_ERROR' });
    expect(await adminSql("SELECT count(*) AS n FROM system.information_schema.catalogs WHERE catalog_name IN ('ucbridge', 'hr', 'main', 'finance', 'sp_made')")).toEqual([{ n: 4 }]);
  });
});

describe('a schema created in a governed catalog after the set-up', () => {
  it('is covered by MANAGE on the catalog: validation has nothing to warn about and the plan stays unchanged', async () => {
    await adminSql('CREATE SCHEMA main.late_arrivals');
    const v = await main.call('integration.validate', { taskId: taskId('validate') });
    expect(v.ok && v.value.tests.filter((x: Json) => String(x.id).startsWith('governed-schemas:'))).toEqual([]);
    const plan = await main.call('integration.plan', { kind: 'setup' });
    expect(plan.ok && plan.value.steps.every((s: Json) => s.action === 'unchanged')).toBe(true);
  });
});

describe('uninstall', () => {
  it('previews the uninstall, applies it, and leaves no catalog and no grant to the service principal', async () => {
    const plan = await main.call('integration.plan', { kind: 'uninstall' });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.steps.some((s: Json) => s.sql.startsWith('DROP CATALOG'))).toBe(true);
    const r = await main.call('integration.apply', { taskId: taskId('uninstall'), kind: 'uninstall', planHash: plan.value.hash });
    expect(r).toMatchObject({ ok: true, value: { kind: 'uninstall', failed: 0, manifestPath: null } });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'uninstalled' } });
    expect(await adminSql("SELECT count(*) AS n FROM system.information_schema.catalogs WHERE catalog_name = 'ucbridge'")).toEqual([{ n: 0 }]);
    for (const view of ['catalog_privileges', 'schema_privileges', 'table_privileges']) {
      const rows = await adminSql(`SELECT count(*) AS n FROM system.information_schema.${view} WHERE grantee = '${sp.applicationId}'`);
      expect(rows, view).toEqual([{ n: 0 }]);
    }
    const verify = await main.call('integration.verify', { taskId: taskId('verify') });
    // Uninstall leaves the system schemas enabled (others may read system tables): only they are still present.
    expect(verify.ok && verify.value.steps.filter((s: Json) => s.state !== 'missing').map((s: Json) => s.id)).toEqual(['system-schema:access', 'system-schema:query']);
  });

  it('then offers forgetting: the settings and the vaulted secret go', async () => {
    expect(await main.call('integration.forget')).toMatchObject({ ok: true, value: { status: 'not-configured', settings: null } });
    expect(await main.spSecret(sp.applicationId)).toBeUndefined();
  });
});
