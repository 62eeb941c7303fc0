import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../emulator/seeds/identities-demo';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { taskId, type ComposedApp, type Json } from '../services/integration/integration.test-support';
import { sandboxQuery } from '../services/integration/observe/sandbox-sql.test-support';
import { adminSql, appWithIntegration } from '../services/policies/policies.test-support';

/**
 * The `users.*` channels end to end on the demo sandbox: main's gateway and handlers, the SCIM directory reader and
 * the mapping writer with the real driver. Each test builds on the state the earlier ones left, as the step does.
 */
let emulator: RunningEmulator;
let main: ComposedApp;

const ok = async (channel: string, input: Json = {}): Promise<Json> => {
  const r = await main.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
};
const refusal = async (channel: string, input: Json = {}) => {
  const r = await main.call(channel, input);
  if (r.ok) throw new Error(`${channel} answered ${JSON.stringify(r.value)}`);
  return r.error;
};
const byId = (view: Json): Record<string, Json> => Object.fromEntries((view.rows as Json[]).filter((r) => r.id !== null).map((r) => [r.id, r]));

/** Demo users, one of them twice (a duplicate account: both rows reach one principal), one unknown, one inactive. */
const usersCsv = (biDashboards: string) =>
  [
    'id,email,userName,displayName,active,kind,region',
    'u-priya,priya.raman@lakeside.example,,Priya Raman,true,user,EMEA',
    "u-siobhan,SIOBHAN.OBRIEN@lakeside.example,,Siobhán O'Brien,,,EMEA",
    'u-jose,,jose.nunez@lakeside.example,José Núñez,,,NA',
    'u-zoe,zoe.muller@lakeside.example,,Zoë Müller,,,APAC',
    'u-zoe-old,zoe.muller@lakeside.example,,Zoe Muller (old account),,,',
    'u-ghost,ghost@elsewhere.example,,Nobody Here,,,',
    'u-left,li.lei@lakeside.example,,李雷,false,,',
    'g-analysts,,,data-analysts,,group,',
    `sp-bi,,${biDashboards},bi-dashboards,,servicePrincipal,`,
  ].join('\n');

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
});

describe('users channels on the sandbox', () => {
  it('keeps nothing of a file with errors and lists its problems by line', async () => {
    expect(await ok('users.status')).toMatchObject({ workspace: expect.any(String), imported: null, directory: null, choices: 0 });
    const r = await ok('users.importFile', { text: 'id,email,active\nu1,a@example.com,true\n,b@example.com,true\nu1,c@example.com,maybe\n', fileName: 'broken.csv' });
    expect(r).toMatchObject({ accepted: false, fileName: 'broken.csv', users: 0, moreProblems: 0 });
    expect((r.problems as Json[]).map((p) => p.line)).toEqual([3, 4]);
    expect(r.problems[1].message).toContain('active');
    expect((await ok('users.status')).imported).toBeNull();
    expect(await refusal('users.match')).toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringContaining('Import') });
  });

  it('caps the problems of a wholly wrong file and counts the rest', async () => {
    const text = ['id,active', ...Array.from({ length: 120 }, (_, i) => `u${i},perhaps`)].join('\n');
    const r = await ok('users.importFile', { text, fileName: 'wrong.csv' });
    expect(r.problems).toHaveLength(50);
    expect(r.moreProblems).toBe(70);
  });

  it('imports a good file, with its attribute columns', async () => {
    const biDashboards = emulator.servicePrincipals.find((s) => s.displayName === 'bi-dashboards')!.applicationId;
    const r = await ok('users.importFile', { text: usersCsv(biDashboards), fileName: 'lakeside.csv' });
    expect(r).toEqual({ accepted: true, fileName: 'lakeside.csv', users: 9, attributes: ['region'], problems: [], moreProblems: 0 });
    expect((await ok('users.status')).imported).toMatchObject({ fileName: 'lakeside.csv', users: 9 });
    expect(await refusal('users.match')).toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringContaining('directory') });
  });

  it('reads the directory as a task, with progress', async () => {
    const id = taskId('directory');
    const summary = await ok('users.readDirectory', { taskId: id });
    // Every seeded user, the deactivated one (which has no credentials, so is not in emulator.users) included.
    expect(summary.users).toBe(DEMO_IDENTITIES.users.length);
    expect(summary.servicePrincipals).toBe(DEMO_IDENTITIES.servicePrincipals.length);
    expect(summary.source).toBe('workspace');
    expect(summary.groups).toBeGreaterThanOrEqual(5);
    const states = main.events.filter((e) => e.name === 'task.progress' && e.payload.taskId === id).map((e) => e.payload.state);
    expect(states[0]).toBe('running');
    expect(states.at(-1)).toBe('succeeded');
    expect((await ok('users.status')).directory).toEqual(summary);
  });

  it('matches into buckets, each user with the rule that decided', async () => {
    const rows = byId(await ok('users.match'));
    expect(rows['u-priya']).toMatchObject({ bucket: 'matched', principal: 'priya.raman@lakeside.example', matchedBy: 'email' });
    expect(rows['u-siobhan']).toMatchObject({ bucket: 'matched', principal: 'siobhan.obrien@lakeside.example', matchedBy: 'email' });
    expect(rows['u-jose']).toMatchObject({ bucket: 'matched', matchedBy: 'userName' });
    expect(rows['g-analysts']).toMatchObject({ bucket: 'matched', principalType: 'group', principal: 'data-analysts' });
    expect(rows['sp-bi']).toMatchObject({ bucket: 'matched', principalType: 'servicePrincipal', matchedBy: 'applicationId' });
    expect(rows['u-zoe']).toMatchObject({ bucket: 'ambiguous', candidates: [expect.objectContaining({ principal: 'zoe.muller@lakeside.example', displayName: 'Zoë Müller' })] });
    expect(rows['u-zoe-old']).toMatchObject({ bucket: 'ambiguous' });
    expect(rows['u-ghost']).toMatchObject({ bucket: 'unmatched', reason: expect.any(String) });
    expect(rows['u-left']).toMatchObject({ bucket: 'inactive' });
    const orphans = ((await ok('users.match')).rows as Json[]).filter((r) => r.bucket === 'orphan').map((r) => r.principal);
    expect(orphans).toEqual(expect.arrayContaining(['marcus.dangelo@lakeside.example', 'li.lei@lakeside.example', 'finance-analysts']));
  });

  it('decides an ambiguous user by hand, keeps the choice, and forgets it on request', async () => {
    const chosen = byId(await ok('users.setChoice', { id: 'u-zoe', principal: 'zoe.muller@lakeside.example' }));
    expect(chosen['u-zoe']).toMatchObject({ bucket: 'matched', matchedBy: 'manual', manual: true });
    expect(chosen['u-zoe-old']).toMatchObject({ bucket: 'ambiguous', manual: false });
    const none = byId(await ok('users.setChoice', { id: 'u-zoe-old', principal: null }));
    expect(none['u-zoe-old']).toMatchObject({ bucket: 'unmatched', manual: true });
    expect((await ok('users.status')).choices).toBe(2);
    expect(await refusal('users.setChoice', { id: 'nobody', principal: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    const cleared = byId(await ok('users.clearChoice', { id: 'u-zoe-old' }));
    expect(cleared['u-zoe-old']).toMatchObject({ bucket: 'ambiguous', manual: false });
    await ok('users.setChoice', { id: 'u-zoe-old', principal: null });
  });

  it('searches the principals it read, by type', async () => {
    const found = await ok('users.searchPrincipals', { query: 'analysts', type: 'group' });
    expect((found as unknown as Json[]).map((c) => c.principal)).toEqual(['data-analysts', 'finance-analysts']);
    const people = (await ok('users.searchPrincipals', { query: "o'brien" })) as unknown as Json[];
    expect(people).toEqual([expect.objectContaining({ principal: 'siobhan.obrien@lakeside.example', principalType: 'user', active: true })]);
  });

  it('exports the unmatched as CSV', async () => {
    const file = await ok('users.exportUnmatched');
    expect(file).toMatchObject({ name: 'lakeside-unmatched.csv', mediaType: 'text/csv' });
    const rows = Papa.parse<string[]>((file.content as string).trimEnd(), { newline: '\r\n' }).data;
    expect(rows.map((r) => r[0])).toEqual(['id', 'u-zoe-old', 'u-ghost']);
  });

  it('plans the mapping and attributes, writes exactly that plan, then has nothing left to write', async () => {
    const view = await ok('users.plan');
    expect(view.mapping).toEqual({ inserts: 6, updates: 0, deletes: 0 });
    expect(view.attributes.inserts).toBe(4);
    // Cancelled at once: the task settles CANCELLED, and the write can be asked for again.
    const cancelledId = taskId('users');
    const cancelled = main.call('users.apply', { taskId: cancelledId, planHash: view.plan.hash });
    await main.event('task.progress', (p) => p.taskId === cancelledId && p.state === 'running');
    expect(await ok('task.cancel', { taskId: cancelledId })).toEqual({ cancelled: true });
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const fresh = await ok('users.plan');
    const summary = await ok('users.apply', { taskId: taskId('users'), planHash: fresh.plan.hash });
    expect(summary).toMatchObject({ failed: 0, failure: null });
    const mapped = await adminSql(main, emulator, 'SELECT external_id, principal, matched_by FROM ucbridge.entitlements.user_mapping ORDER BY external_id');
    expect(mapped.map((r) => [r.external_id, r.principal, r.matched_by])).toEqual([
      ['g-analysts', 'data-analysts', 'displayName'],
      ['sp-bi', emulator.servicePrincipals.find((s) => s.displayName === 'bi-dashboards')!.applicationId, 'applicationId'],
      ['u-jose', 'jose.nunez@lakeside.example', 'userName'],
      ['u-priya', 'priya.raman@lakeside.example', 'email'],
      ['u-siobhan', 'siobhan.obrien@lakeside.example', 'email'],
      ['u-zoe', 'zoe.muller@lakeside.example', 'manual'],
    ]);
    const region = await adminSql(main, emulator, "SELECT value FROM ucbridge.entitlements.principal_attributes WHERE principal = 'zoe.muller@lakeside.example' AND attribute = 'region'");
    expect(region).toEqual([{ value: 'APAC' }]);
    expect((await ok('users.status')).lastApply).toMatchObject({ failed: 0 });
    const again = await ok('users.plan');
    expect(again.plan.steps).toEqual([]);
  });

  it('refuses a plan that changed since it was previewed', async () => {
    const before = await ok('users.plan');
    await ok('users.setChoice', { id: 'u-ghost', principal: 'li.lei@lakeside.example' });
    expect(await refusal('users.apply', { taskId: taskId('users'), planHash: before.plan.hash })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('attributes written by the mapping feed a row filter', () => {
  const ANALYST = 'siobhan.obrien@lakeside.example';
  const policies = JSON.stringify({ policies: [{ name: 'orders-by-region', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { userAttribute: 'region' } }] });
  async function regionsSeenBy(user: string): Promise<Set<unknown>> {
    const logDir = await mkdtemp(join(tmpdir(), 'ucb-users-'));
    try {
      return new Set((await sandboxQuery(emulator, user, logDir, 'SELECT DISTINCT region FROM main.sales.orders')).map((r) => r.region));
    } finally {
      await rm(logDir, { recursive: true, force: true });
    }
  }
  const writeUsers = async () => {
    const p = await ok('users.plan');
    return { plan: p, summary: await ok('users.apply', { taskId: taskId('users'), planHash: p.plan.hash }) };
  };

  it('a changed region in the users file reaches what the analyst sees, with the policy left as it was', async () => {
    await ok('users.clearChoice', { id: 'u-ghost' });
    await writeUsers();
    const planned = await ok('policies.plan', { text: policies, kind: 'setup' });
    expect(await ok('policies.apply', { text: policies, kind: 'setup', taskId: taskId('policies'), planHash: planned.plan.hash })).toMatchObject({ failed: 0 });
    // Signed in as Siobhán herself: the filter reads her attribute from principal_attributes at query time.
    expect(await regionsSeenBy(ANALYST)).toEqual(new Set(['EMEA']));

    const biDashboards = emulator.servicePrincipals.find((s) => s.displayName === 'bi-dashboards')!.applicationId;
    await ok('users.importFile', { text: usersCsv(biDashboards).replace("Siobhán O'Brien,,,EMEA", "Siobhán O'Brien,,,NA"), fileName: 'lakeside.csv' });
    const { plan, summary } = await writeUsers();
    expect(plan.mapping).toEqual({ inserts: 0, updates: 0, deletes: 0 });
    expect(plan.attributes).toEqual({ inserts: 0, updates: 1, deletes: 0 });
    expect(summary).toMatchObject({ failed: 0, ran: 1 });
    expect(await regionsSeenBy(ANALYST)).toEqual(new Set(['NA']));
    const again = await ok('policies.plan', { text: policies, kind: 'setup' });
    expect(new Set((again.plan.steps as Json[]).map((s) => s.action))).toEqual(new Set(['unchanged']));
  });
});
