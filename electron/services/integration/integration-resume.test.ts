import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { inSequence } from '../../../test/in-sequence';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp } from './integration.test-support';

/** Cancel mid-apply, resume from the journal; then "Disconnect and uninstall" — through the handlers, on the sandbox. */
let emulator: RunningEmulator;
let main: ComposedApp;
let planHash = '';
// Cancel, then resume what the cancel left, then uninstall what the resume set up.
const it = inSequence();

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
  const settings = sandboxSettings(emulator);
  expect(await main.call('integration.saveSettings', { settings })).toMatchObject({ ok: true });
  const plan = await main.call('integration.plan', { kind: 'setup' });
  if (!plan.ok) throw new Error(plan.error.message);
  planHash = plan.value.hash;
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

describe('cancel and resume', () => {
  it('a cancelled apply stops with CANCELLED, says apply-error and offers to resume', async () => {
    // Each statement takes 120 ms in the sandbox: the cancel, sent the moment the first step is journaled, lands
    // long before the others could finish.
    emulator.faults.set({ latencyMs: 120 });
    const id = taskId('apply');
    const running = main.call('integration.apply', { taskId: id, kind: 'setup', planHash });
    expect(await main.event('integration.step', (p) => p.taskId === id && (p.state === 'done' || p.state === 'failed'))).toMatchObject({ state: 'done' });
    // The task settles at once; the run itself stops when its in-flight statements are aborted (status `applying`
    // till then), and says so in the log.
    const stopped = main.event('log.entry', (p) => /apply stopped before the end/.test(p.message));
    expect(await main.call('task.cancel', { taskId: id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await stopped;
    emulator.faults.clear();
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'apply-error', resumable: 'setup' } });
  });

  it('applying again resumes the journal and converges; the journal is gone after', async () => {
    const plan = await main.call('integration.plan', { kind: 'setup' });
    expect(plan.ok && plan.value.hash).toBe(planHash);
    expect(plan.ok && plan.value.steps.some((s: { action: string }) => s.action === 'unchanged')).toBe(true);
    const r = await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash });
    expect(r).toMatchObject({ ok: true, value: { resumed: true, failed: 0 } });
    expect(r.ok && r.value.skipped).toBeGreaterThan(0);
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'enabled', resumable: null } });
    expect(await main.call('integration.verify', { taskId: taskId('verify') })).toMatchObject({ ok: true, value: { converged: true } });
  });
});

describe('disconnect and uninstall', () => {
  it('runs the uninstall plan before signing out, and the workspace keeps nothing of the set-up but what was there before', async () => {
    expect(await main.call('session.disconnect', { uninstall: true })).toMatchObject({ ok: true });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'uninstalled' } });
    const check = await composedWithSandbox(emulator);
    try {
      const session = await check.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
      const grants = await session.execute(`SELECT catalog_name, privilege_type FROM system.information_schema.catalog_privileges WHERE grantee = '${emulator.servicePrincipals[1]!.applicationId}' AND catalog_name IN ('main', 'finance', 'analytics')`);
      const catalogs = await session.execute("SELECT count(*) AS n FROM system.information_schema.catalogs WHERE catalog_name = 'ucbridge'");
      await session.close();
      // The demo seed grants bi-dashboards USE CATALOG on analytics before any set-up: exact uninstall leaves it.
      expect({ grants, catalogs }).toEqual({ grants: [{ catalog_name: 'analytics', privilege_type: 'USE_CATALOG' }], catalogs: [{ n: 0 }] });
    } finally {
      await check.close();
    }
  });
});
