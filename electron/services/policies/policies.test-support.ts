import type { RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp } from '../integration/integration.test-support';

/** The composed app signed in as the demo admin, with step 2 applied (the integration catalog `ucbridge` exists). */
export async function appWithIntegration(emulator: RunningEmulator): Promise<ComposedApp> {
  const main = await composedWithSandbox(emulator);
  const saved = await main.call('integration.saveSettings', { settings: sandboxSettings(emulator) });
  if (!saved.ok) throw new Error(saved.error.message);
  const plan = await main.call('integration.plan', { kind: 'setup' });
  if (!plan.ok) throw new Error(plan.error.message);
  const applied = await main.call('integration.apply', { taskId: taskId(), kind: 'setup', planHash: plan.value.hash });
  if (!applied.ok || applied.value.failed > 0) throw new Error(`set-up failed: ${JSON.stringify(applied)}`);
  return main;
}

export async function adminSql(main: ComposedApp, emulator: RunningEmulator, sql: string): Promise<readonly Record<string, unknown>[]> {
  const session = await main.app.session.requireConnection().sql(emulator.warehouses[0]!.httpPath);
  try {
    return await session.execute(sql);
  } finally {
    await session.close();
  }
}
