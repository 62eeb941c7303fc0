import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp, type Json } from './integration.test-support';

/** Additional workspace connections: steps for the signed-in workspace run; steps for another one say where to run. */
let emulator: RunningEmulator;
let main: ComposedApp;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await composedWithSandbox(emulator);
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

async function applyWith(additional: { workspaceUrl: string; catalogs: string[] }[]) {
  const settings = sandboxSettings(emulator, { governed: ['main'], additional });
  expect(await main.call('integration.saveSettings', { settings })).toMatchObject({ ok: true });
  const plan = await main.call('integration.plan', { kind: 'setup' });
  if (!plan.ok) throw new Error(plan.error.message);
  return { plan: plan.value, result: await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash }) };
}

describe('additional workspaces', () => {
  it('one on the signed-in workspace: its grants run there and the set-up converges', async () => {
    const { plan, result } = await applyWith([{ workspaceUrl: emulator.workspaceUrl, catalogs: ['analytics'] }]);
    const there = plan.steps.filter((s: Json) => s.target === emulator.workspaceUrl).map((s: Json) => s.sql as string);
    // MANAGE on the governed catalog itself (the default), granted on the workspace that governs it.
    expect(there).toEqual([expect.stringMatching(/^GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `analytics` TO /)]);
    expect(result).toMatchObject({ ok: true, value: { failed: 0 } });
    expect(await main.call('integration.verify', { taskId: taskId('verify') })).toMatchObject({ ok: true, value: { converged: true } });
  });

  it('one elsewhere: unobserved (planned as create), and its step fails saying where to run it; the rest applies', async () => {
    const elsewhere = 'https://elsewhere.cloud.databricks.com';
    const { plan, result } = await applyWith([{ workspaceUrl: elsewhere, catalogs: ['isolated'] }]);
    expect(plan.steps.find((s: Json) => s.target === elsewhere)).toMatchObject({ action: 'create' });
    expect(result).toMatchObject({ ok: true, value: { failed: 1, failure: { message: expect.stringContaining(`additional workspace ${elsewhere}`), hint: expect.stringContaining('exported setup.sql') } } });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'apply-error' } });
  });
});
