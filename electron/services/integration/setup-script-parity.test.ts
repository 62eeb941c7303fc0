import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { IntegrationConfigSchema } from '../../../shared/integration/config';
import type { TargetObservation } from '../../../shared/integration/observed-state';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp } from './integration.test-support';
import { observeAll } from './plan-service';

/**
 * "The exported script and the automatic apply are the same statements" (product.md), checked end to end: two
 * fresh sandboxes with the same service principal; one set up by automatic apply through the handlers, the other
 * by running the exported setup.sql statement by statement through the real driver. Both end in the same state.
 */
const APPLICATION_ID = '5c0ffee0-0000-4000-8000-00000000beef';
const sandboxes: { emulator: RunningEmulator; main: ComposedApp }[] = [];

async function prepared(): Promise<{ emulator: RunningEmulator; main: ComposedApp }> {
  const emulator = await startEmulator({ log: () => undefined });
  const main = await composedWithSandbox(emulator);
  await main.app.session.requireConnection().rest.request({
    method: 'POST',
    path: '/api/2.0/preview/scim/v2/ServicePrincipals',
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal'], applicationId: APPLICATION_ID, displayName: 'UCBRIDGE_USER' },
    schema: z.unknown(),
  });
  for (const schema of ['access', 'query']) expect(await main.call('integration.enableSystemSchema', { schema })).toMatchObject({ ok: true });
  const settings = sandboxSettings(emulator, { audit: true, mode: 'manual', servicePrincipal: { applicationId: APPLICATION_ID, displayName: 'UCBRIDGE_USER' } });
  expect(await main.call('integration.saveSettings', { settings })).toMatchObject({ ok: true });
  sandboxes.push({ emulator, main });
  return { emulator, main };
}

/** Order-free: automatic apply runs steps concurrently, so grants land in another order than the script's. */
function canonical(targets: Record<string, TargetObservation>): Record<string, unknown> {
  const sorted = <T>(xs: readonly T[]) => [...xs].map((x) => JSON.stringify(x)).sort();
  return Object.fromEntries(
    Object.entries(targets).map(([k, o]) => [
      k,
      { catalogs: sorted(o.catalogs), schemas: sorted(o.schemas), tables: sorted(o.tables), volumes: sorted(o.volumes), grants: sorted(o.grants.map((g) => ({ ...g, privileges: [...g.privileges].sort() }))) },
    ]),
  );
}

/** Each sandbox has its own port, so its host (in the marker tag and the catalog comment) is the one difference. */
const hostless = (s: { emulator: RunningEmulator }, text: string): string => text.split(new URL(s.emulator.workspaceUrl).host).join('HOST');

async function observed(s: { emulator: RunningEmulator; main: ComposedApp }) {
  const view = await s.main.call('integration.view');
  if (!view.ok) throw new Error(view.error.message);
  const config = IntegrationConfigSchema.parse(view.value.settings.config);
  const session = await s.main.app.session.requireConnection().sql(config.httpPath);
  try {
    return hostless(s, JSON.stringify(canonical((await observeAll(session, config, new AbortController().signal, s.main.app.session.requireConnection())).targets)));
  } finally {
    await session.close();
  }
}

let automatic: { emulator: RunningEmulator; main: ComposedApp };
let manual: { emulator: RunningEmulator; main: ComposedApp };

beforeAll(async () => {
  automatic = await prepared();
  manual = await prepared();
});
afterAll(async () => {
  for (const s of sandboxes) {
    await s.main.close();
    await s.emulator.stop();
  }
});

describe('exported setup.sql vs automatic apply', () => {
  it('reach the same observed state', async () => {
    const plan = await automatic.main.call('integration.plan', { kind: 'setup' });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(await automatic.main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash })).toMatchObject({ ok: true, value: { failed: 0 } });

    const files = await manual.main.call('integration.exportScripts');
    if (!files.ok) throw new Error(files.error.message);
    const setupSql: string = files.value.find((f: { name: string }) => f.name === 'setup.sql').content;
    const statements = setupSql.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('--')).map((l) => l.replace(/;\s*$/u, ''));
    // The plan's REST steps (enabling system schemas, as a metastore admin) are calls setup.sql's header lists, not statements.
    const sqlSteps = plan.value.steps.filter((s: { rest?: unknown }) => s.rest === undefined);
    expect(plan.value.steps.length - sqlSteps.length).toBe(2);
    expect(statements.map((sql) => hostless(manual, sql))).toEqual(sqlSteps.map((s: { sql: string }) => hostless(automatic, s.sql)));
    // Both grant MANAGE on each governed catalog (the default scope).
    for (const c of ['main', 'finance', 'analytics']) expect(statements.some((q) => q.includes(`MANAGE ON CATALOG \`${c}\``)), c).toBe(true);
    const session = await manual.main.app.session.requireConnection().sql(manual.emulator.warehouses[0]!.httpPath);
    try {
      for (const sql of statements) await session.execute(sql);
    } finally {
      await session.close();
    }

    const [a, m] = await Promise.all([observed(automatic), observed(manual)]);
    expect(m).toEqual(a);
    expect(JSON.parse(a).main.grants.length).toBeGreaterThan(5);
    expect(a).toContain('"integrationTag\\":\\"HOST\\"');
    expect(await manual.main.call('integration.verify', { taskId: taskId('verify') })).toMatchObject({ ok: true, value: { converged: true } });
    expect(await manual.main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'enabled' } });
  });
});
