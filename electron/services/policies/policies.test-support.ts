import type { RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp, type Json } from '../integration/integration.test-support';
import { sandboxQuery } from '../integration/observe/sandbox-sql.test-support';

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

export interface PolicyTestContext {
  readonly emulator: RunningEmulator;
  readonly main: ComposedApp;
  readonly logDir: string;
}

/**
 * The calls every policies sandbox test makes: SQL as a signed-in user, a channel that must succeed, and plan/apply
 * of a policy file. The context and text are read at call time (tests set them up in beforeAll).
 */
export function policyCalls(context: () => PolicyTestContext, policyText: () => string) {
  const as = (user: string, sql: string) => sandboxQuery(context().emulator, user, context().logDir, sql);
  const ok = async (channel: string, input: Json): Promise<Json> => {
    const r = await context().main.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const plan = (kind: 'setup' | 'uninstall' = 'setup', text = policyText()) => ok('policies.plan', { text, kind });
  const apply = async (kind: 'setup' | 'uninstall' = 'setup', text = policyText()) =>
    ok('policies.apply', { text, kind, taskId: taskId('policies'), planHash: (await plan(kind, text)).plan.hash });
  return { as, ok, plan, apply };
}
