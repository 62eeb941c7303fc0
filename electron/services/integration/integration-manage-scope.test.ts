import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, taskId, type ComposedApp, type Json } from './integration.test-support';

/**
 * `manageScope: "schema"` (opt-in) through the handlers on the demo seed, as the service principal would meet it:
 * MANAGE on each schema of a governed catalog (read from the workspace), never on the catalog, so the service
 * principal cannot drop the catalog but can still drop a schema it manages (DROP SCHEMA docs:
 * https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-drop-schema); a schema created later
 * is warned about and the Update grants it.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let asSp: ComposedApp;
let sp: { applicationId: string; secret: string };

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
  const created = await main.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
  if (!created.ok) throw new Error(created.error.message);
  const applicationId = created.value.servicePrincipal.applicationId as string;
  sp = { applicationId, secret: (await main.spSecret(applicationId))!.clientSecret };
});
afterAll(async () => {
  await Promise.all([main.close(), asSp?.close()]);
  await emulator.stop();
});

const settings = () => ({
  config: {
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'ucbridge',
    audit: { enabled: false },
    manageScope: 'schema',
    servicePrincipal: { applicationId: sp.applicationId },
    governedCatalogs: ['main', 'finance'],
  },
  mode: 'automatic',
  servicePrincipal: { displayName: 'UCBRIDGE_USER', createdByUcbridge: true, secretInVault: true },
});

const sqlAs = async (app: ComposedApp, sql: string) => {
  const session = await app.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
  try {
    return await session.execute(sql);
  } finally {
    await session.close();
  }
};
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { error?: { code: string; message: string } }) => e.error ?? { code: 'THROWN', message: String(e) });

async function planAndApply(): Promise<Json> {
  const plan = await main.call('integration.plan', { kind: 'setup' });
  if (!plan.ok) throw new Error(plan.error.message);
  const r = await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash });
  if (!r.ok) throw new Error(r.error.message);
  return plan.value;
}

describe('MANAGE per schema', () => {
  it('reads the schema lists on save and grants MANAGE on each schema, never on a governed catalog', async () => {
    const saved = await main.call('integration.saveSettings', { settings: settings() });
    const lists = saved.ok ? (saved.value.settings.config.governedSchemas as Record<string, string[]>) : {};
    // The window sends no schema lists; main reads them from the workspace when saving (information_schema left out).
    expect(lists.main).toEqual(expect.arrayContaining(['governance', 'marketing', 'sales']));
    expect(lists.finance).toEqual(expect.arrayContaining(['ledger', 'reporting']));
    expect([...lists.main!, ...lists.finance!]).not.toContain('information_schema');
    const plan = await planAndApply();
    const sqls = plan.steps.map((s: Json) => s.sql as string);
    expect(sqls).toContain(`GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY ON CATALOG \`main\` TO \`${sp.applicationId}\``);
    expect(sqls).toContain(`GRANT MANAGE ON SCHEMA \`main\`.\`sales\` TO \`${sp.applicationId}\``);
    expect(sqls.filter((q: string) => /MANAGE/.test(q)).every((q: string) => q.startsWith('GRANT MANAGE ON SCHEMA '))).toBe(true);
  });

  it('lets the service principal govern a table, not drop the catalog — but drop a schema it manages', async () => {
    asSp = await composedWithSandbox(emulator, { clientId: sp.applicationId, clientSecret: sp.secret });
    await sqlAs(asSp, 'GRANT SELECT ON TABLE main.sales.customers TO `data-analysts`');
    await sqlAs(asSp, 'REVOKE SELECT ON TABLE main.sales.customers FROM `data-analysts`');
    const denied = { code: 'SQL_ERROR', message: expect.stringMatching(/INSUFFICIENT_PERMISSIONS[\s\S]*42501/) };
    expect(await failure(sqlAs(asSp, 'DROP CATALOG main CASCADE'))).toMatchObject(denied);
    expect(await failure(sqlAs(asSp, 'DROP CATALOG finance'))).toMatchObject(denied);
    // What the least-privilege table says MANAGE on a schema still allows: the privilege check passes, only CASCADE is missing.
    expect(await failure(sqlAs(asSp, 'DROP SCHEMA finance.ledger'))).toMatchObject({ code: 'SQL_ERROR', message: expect.stringContaining('SCHEMA_NOT_EMPTY') });
  });

  it('a schema created later: validation warns with the GRANT to run; the Update grants MANAGE on it and nothing else', async () => {
    await sqlAs(main, 'CREATE SCHEMA main.late_arrivals');
    const v = await main.call('integration.validate', { taskId: taskId('validate') });
    const t = v.ok ? v.value.tests.find((x: Json) => x.id === 'governed-schemas:main') : undefined;
    expect(t).toMatchObject({
      name: 'Governed catalog main: every schema is managed',
      status: 'warning',
      reason: expect.stringContaining('Update the integration (re-plan) to grant MANAGE on them'),
      fix: { kind: 'sql', sql: `GRANT MANAGE ON SCHEMA \`main\`.\`late_arrivals\` TO \`${sp.applicationId}\`;` },
    });
    expect(v.ok && v.value.tests.find((x: Json) => x.id === 'governed-schemas:finance')).toMatchObject({ status: 'passed' });
    const plan = await main.call('integration.plan', { kind: 'setup' });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.steps.filter((s: Json) => s.action !== 'unchanged').map((s: Json) => s.id)).toEqual(['grant:sp:governed:main:schema:late_arrivals']);
    expect(await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash })).toMatchObject({ ok: true, value: { ran: 1, failed: 0 } });
    const again = await main.call('integration.validate', { taskId: taskId('validate') });
    expect(again.ok && again.value.tests.find((x: Json) => x.id === 'governed-schemas:main')).toMatchObject({ status: 'passed' });
  });
});
