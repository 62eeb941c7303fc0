import { afterAll, beforeAll, describe, expect } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { NO_RECORD_WARNING } from '../../../shared/integration/planner';
import { setupSteps } from '../../../shared/integration/setup-steps';
import { IntegrationConfigSchema } from '../../../shared/integration/config';
import { showGrantsSql } from '../../../shared/sql/privilege-reads';
import { directShowGrants } from '../../../shared/sql/privilege-rows';
import { quoteIdent } from '../../../shared/sql/quote';
import { inSequence } from '../../../test/in-sequence';
import { ManifestSchema, manifestApiPath } from './apply/manifest';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp, type Json } from './integration.test-support';

/**
 * Exact uninstall (issue 9 finding 6), through the handlers on the sandbox and the real SQL driver: set-up records,
 * per grant step, the privileges it added; uninstall revokes exactly those, so a privilege the service principal held
 * before set-up survives. REVOKE removes only the privileges it names (GRANT/REVOKE,
 * https://docs.databricks.com/aws/en/sql/language-manual/security-revoke; reference §1.8), and SHOW GRANTS
 * `<principal>` ON … lists a principal's direct grants (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant).
 */
let emulator: RunningEmulator;
let main: ComposedApp;
const it = inSequence();
const sp = () => emulator.servicePrincipals[1]!.applicationId;
const settings = () => sandboxSettings(emulator, { governed: ['main', 'finance'] });

async function adminSql(sql: string): Promise<readonly Record<string, unknown>[]> {
  const session = await main.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
  try {
    return await session.execute(sql);
  } finally {
    await session.close();
  }
}
const held = async (catalog: string) => directShowGrants(await adminSql(showGrantsSql(sp(), 'CATALOG', [catalog])), 'CATALOG', sp()).sort();

async function plan(kind: 'setup' | 'uninstall', app = main): Promise<Json> {
  const r = await app.call('integration.plan', { kind });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function apply(kind: 'setup' | 'uninstall', app = main): Promise<Json> {
  const p = await plan(kind, app);
  const r = await app.call('integration.apply', { taskId: taskId(), kind, planHash: p.hash });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.failed).toBe(0);
  return r.value;
}
const manifest = async () => ManifestSchema.parse(await main.app.session.requireConnection().rest.request({ method: 'GET', path: manifestApiPath('ucbridge'), schema: ManifestSchema }));
const revokes = (p: Json): string[] => (p.steps as { sql: string }[]).map((s) => s.sql).filter((s) => s.startsWith('REVOKE '));

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

describe('exact uninstall, from the record of what set-up added', () => {
  it('set-up records per grant step only the privileges the service principal did not hold (manifest and local state)', async () => {
    // Held before set-up: SELECT on main, USE CATALOG on finance.
    await adminSql(`GRANT SELECT ON CATALOG ${quoteIdent('main')} TO ${quoteIdent(sp())}`);
    await adminSql(`GRANT USE CATALOG ON CATALOG ${quoteIdent('finance')} TO ${quoteIdent(sp())}`);
    expect((await main.call('integration.saveSettings', { settings: settings() })).ok).toBe(true);
    await apply('setup');
    const added = (await manifest()).addedPrivileges!;
    expect(added.find((g) => g.stepId === 'grant:sp:governed:main')).toEqual({ stepId: 'grant:sp:governed:main', target: 'main', securable: 'CATALOG', name: ['main'], privileges: ['USE CATALOG', 'USE SCHEMA', 'MODIFY', 'MANAGE'] });
    expect(added.find((g) => g.stepId === 'grant:sp:governed:finance')!.privileges).toEqual(['USE SCHEMA', 'SELECT', 'MODIFY', 'MANAGE']);
    // Grants inside the integration catalog go with its DROP: nothing to record for them.
    expect(added.every((g) => g.name[0] !== 'ucbridge')).toBe(true);
  });

  it('a re-apply adds nothing, and the record of the first one stays', async () => {
    await apply('setup');
    expect((await manifest()).addedPrivileges!.find((g) => g.stepId === 'grant:sp:governed:main')!.privileges).toEqual(['USE CATALOG', 'USE SCHEMA', 'MODIFY', 'MANAGE']);
  });

  it('the uninstall plan revokes exactly what set-up added, with no warning; the catalog drop is the one drop', async () => {
    const p = await plan('uninstall');
    expect(p.warnings ?? []).toEqual([]);
    const r = revokes(p);
    expect(r).toContain(`REVOKE USE CATALOG, USE SCHEMA, MODIFY, MANAGE ON CATALOG \`main\` FROM \`${sp()}\``);
    expect(r).toContain(`REVOKE USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG \`finance\` FROM \`${sp()}\``);
    expect((p.steps as { action: string }[]).filter((s) => s.action === 'drop')).toHaveLength(1);
    // Local state alone knows it too: with the manifest gone (Files API DELETE), the plan is the same.
    await main.app.session.requireConnection().rest.request({ method: 'DELETE', path: manifestApiPath('ucbridge'), schema: z.unknown() });
    const local = await plan('uninstall');
    expect(local.hash).toBe(p.hash);
    expect(local.warnings ?? []).toEqual([]);
  });

  it('after uninstall, each privilege held before survives and every one set-up added is revoked', async () => {
    await apply('uninstall');
    expect(await held('main')).toEqual(['SELECT']);
    expect(await held('finance')).toEqual(['USE CATALOG']);
  });

  it('with no record (set up by hand from setup.sql, another machine), the plan falls back to observation and warns', async () => {
    const config = IntegrationConfigSchema.parse(settings().config);
    for (const s of setupSteps(config)) await adminSql(s.sql);
    const fresh = await composedWithSandbox(emulator);
    try {
      expect((await fresh.call('integration.saveSettings', { settings: settings() })).ok).toBe(true);
      const p = await plan('uninstall', fresh);
      expect(p.warnings).toEqual([NO_RECORD_WARNING]);
      // It cannot tell what was there before: every privilege the set-up grants is revoked, SELECT on main too.
      expect(revokes(p)).toContain(`REVOKE USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG \`main\` FROM \`${sp()}\``);
      await apply('uninstall', fresh);
      expect(await held('main')).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
