import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { inSequence } from '../../../test/in-sequence';
import { taskId, type ComposedApp, type Json } from '../integration/integration.test-support';
import { adminSql, appWithIntegration } from './policies.test-support';

/**
 * Policies run on step 2's engine: a cancelled apply keeps what ran in the record (so an uninstall still finds
 * it), applying again resumes the journal and converges, and uninstall removes all of it — on the sandbox.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
const it = inSequence();
const text = JSON.stringify({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['data-governance'] },
    { name: 'no-birthdays', type: 'columnMask', method: 'nullify', columns: ['main.sales.customers.date_of_birth'], exempt: ['data-governance'] },
    { name: 'orders-by-region', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { userAttribute: 'region' }, exempt: ['data-governance'] },
  ],
});
const ok = async (channel: string, input: Json): Promise<Json> => {
  const r = await main.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
};
const plan = (kind: 'setup' | 'uninstall' = 'setup') => ok('policies.plan', { text, kind });
const ours = async () => ({
  functions: (await adminSql(main, emulator, "SELECT routine_name FROM system.information_schema.routines WHERE routine_catalog = 'ucbridge' AND routine_schema = 'policies'")).length,
  masks: (await adminSql(main, emulator, "SELECT column_name FROM system.information_schema.column_masks WHERE catalog_name = 'main'")).length,
  filters: (await adminSql(main, emulator, "SELECT table_name FROM system.information_schema.row_filters WHERE catalog_name = 'main'")).length,
});

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
});

describe('cancel, resume and uninstall of the policies', () => {
  it('a cancelled apply stops with CANCELLED after some steps, and uninstall would remove what ran', async () => {
    const first = await plan();
    expect((first.plan.steps as Json[]).every((s) => s.action === 'create')).toBe(true);
    const id = taskId('policies');
    // The warehouse stops answering as a step starts after the first one finished: that step's statement is sent
    // and held, the cancel lands while it waits, and then the warehouse runs it anyway. A cancel cannot take back a
    // statement the warehouse already received, so the record must keep every step that started.
    let doneSeen = false;
    const unsubscribe = main.app.events.subscribe((name, payload) => {
      const p = payload as Json;
      if (name !== 'integration.step' || p.taskId !== id) return;
      if (p.state === 'done') doneSeen = true;
      else if (p.state === 'running' && doneSeen) emulator.faults.gate.close();
    });
    const running = main.call('policies.apply', { text, kind: 'setup', taskId: id, planHash: first.plan.hash });
    await emulator.faults.gate.holding(1);
    unsubscribe();
    expect(await main.call('task.cancel', { taskId: id })).toEqual({ ok: true, value: { cancelled: true } });
    emulator.faults.gate.open();
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const done = (await plan()).plan.steps as Json[];
    const ran = done.filter((s) => s.action === 'unchanged').length;
    const reportedDone = main.events.filter((e) => e.name === 'integration.step' && e.payload.taskId === id && e.payload.state === 'done').length;
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(done.length);
    // The held statement ran although its step never reported done: the case this test is for.
    expect(ran).toBeGreaterThan(reportedDone);
    // The record kept what ran: the uninstall plan undoes exactly those steps.
    const u = (await plan('uninstall')).plan.steps as Json[];
    expect(u.filter((s) => s.action === 'change')).toHaveLength(ran);
  });

  it('applying again resumes the journal and converges: everything in place, nothing left to run', async () => {
    const r = await ok('policies.apply', { text, kind: 'setup', taskId: taskId('policies'), planHash: (await plan()).plan.hash });
    expect(r).toMatchObject({ failed: 0, resumed: true });
    expect(new Set((await plan()).plan.steps.map((s: Json) => s.action))).toEqual(new Set(['unchanged']));
    expect(await ours()).toEqual({ functions: 6, masks: 2, filters: 1 });
  });

  it('uninstall after the resumed apply leaves nothing of the policies', async () => {
    const u = await plan('uninstall');
    expect(await ok('policies.apply', { text, kind: 'uninstall', taskId: taskId('policies'), planHash: u.plan.hash })).toMatchObject({ failed: 0 });
    expect(await ours()).toEqual({ functions: 0, masks: 0, filters: 0 });
  });
});
