import { describe, expect, it } from 'vitest';
import { planHash } from '../integration/plan-hash';
import { observation } from './policies.test-support';
import { PoliciesRecordSchema, type PoliciesRecord, type RecordItem } from './record';
import { planPoliciesUninstall } from './uninstall';

/** The uninstall plan from a record (or, without one, from what the policies would create). */
const item = (id: string, kind: RecordItem['kind'], extra: Partial<RecordItem> = {}): RecordItem => ({ id, kind, inverse: `UNDO ${id}`, purpose: `Make ${id}`, undoAfter: [], object: [], ...extra });
const items: RecordItem[] = [
  item('fn:core', 'function', { undoAfter: ['fn:attached'], object: ['ucb', 'policies', 'core'] }),
  item('fn:attached', 'function', { undoAfter: ['mask:t.c', 'mask:gone'], object: ['ucb', 'policies', 'attached'] }),
  item('mask:t.c', 'mask', { object: ['main', 'sales', 't'], column: 'c' }),
  item('grant:schema:main.sales:x', 'grant', { object: ['SCHEMA', 'main', 'sales'], principal: 'x', privileges: ['SELECT'] }),
];
const record: PoliciesRecord = { recordVersion: 1, catalog: 'ucb', items };

describe('the policies uninstall plan', () => {
  it('undoes each recorded item in reverse, after what uses it, and says what each step undoes', () => {
    const { plan, notes } = planPoliciesUninstall(record, [], null, 'ucb');
    expect(notes).toEqual([]);
    expect(plan.kind).toBe('uninstall');
    expect(plan.steps).toEqual([
      { id: 'undo:grant:schema:main.sales:x', sql: 'UNDO grant:schema:main.sales:x', purpose: 'Undo: make grant:schema:main.sales:x', dependsOn: [], inverse: null, action: 'change', target: 'main' },
      { id: 'undo:mask:t.c', sql: 'UNDO mask:t.c', purpose: 'Undo: make mask:t.c', dependsOn: [], inverse: null, action: 'change', target: 'main' },
      // mask:gone is not in the record: nothing to wait for.
      { id: 'undo:fn:attached', sql: 'UNDO fn:attached', purpose: 'Undo: make fn:attached', dependsOn: ['undo:mask:t.c'], inverse: null, action: 'change', target: 'main' },
      { id: 'undo:fn:core', sql: 'UNDO fn:core', purpose: 'Undo: make fn:core', dependsOn: ['undo:fn:attached'], inverse: null, action: 'change', target: 'main' },
    ]);
    expect(plan.hash).toBe(planHash('uninstall', plan.steps));
  });

  it('marks unchanged what is already gone, looking for masks in the recorded catalog', () => {
    const obs = observation([], { masks: [{ table: ['main', 'sales', 't'], column: 'c', fn: ['ucb', 'policies', 'attached'] }], functions: new Map([['core', 'x']]) });
    // The record says the functions live in `ucb`, whatever catalog the caller passes now.
    const { plan } = planPoliciesUninstall(record, [], obs, 'elsewhere');
    expect(plan.steps.map((s) => [s.id, s.action])).toEqual([
      ['undo:grant:schema:main.sales:x', 'unchanged'],
      ['undo:mask:t.c', 'change'],
      ['undo:fn:attached', 'unchanged'],
      ['undo:fn:core', 'change'],
    ]);
    const noRecord = planPoliciesUninstall(null, items, obs, 'ucb');
    expect(noRecord.plan.steps.find((s) => s.id === 'undo:mask:t.c')!.action).toBe('change');
  });

  it('without a record removes what the policies create but revokes nothing, and says so', () => {
    const { plan, notes } = planPoliciesUninstall(null, items, null, 'ucb');
    expect(plan.steps.map((s) => s.id)).toEqual(['undo:mask:t.c', 'undo:fn:attached', 'undo:fn:core']);
    expect(notes).toEqual([
      'No record of an earlier apply was found: the uninstall removes the functions, masks, filters and ABAC policies these policies create, and revokes no privilege (it cannot tell which ones existed before).',
    ]);
  });

  it('for the exported script, assumes nothing existed before and revokes every grant, and says so', () => {
    const { plan, notes } = planPoliciesUninstall(null, items, null, 'ucb', true);
    expect(plan.steps.map((s) => s.id)).toEqual(['undo:grant:schema:main.sales:x', 'undo:mask:t.c', 'undo:fn:attached', 'undo:fn:core']);
    expect(notes).toEqual(['No record of an earlier apply was used: this uninstall assumes nothing the policies create or grant existed before, and revokes every privilege they grant.']);
  });
});

describe('the policies record as stored', () => {
  it('reads back what an apply wrote', () => {
    expect(PoliciesRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('refuses a record it could not undo from: unknown kind, no id, no undo statement, another version', () => {
    const bad = (patch: Partial<RecordItem>) => PoliciesRecordSchema.safeParse({ ...record, items: [{ ...items[0], ...patch }] }).success;
    expect(bad({})).toBe(true);
    for (const kind of ['function', 'mask', 'filter', 'abac', 'grant'] as const) expect(bad({ kind })).toBe(true);
    expect(bad({ kind: 'view' as never })).toBe(false);
    expect(bad({ id: '' })).toBe(false);
    expect(bad({ inverse: '' })).toBe(false);
    expect(PoliciesRecordSchema.safeParse({ ...record, recordVersion: 2 }).success).toBe(false);
    expect(PoliciesRecordSchema.safeParse({ recordVersion: 1, catalog: 'ucb' }).success).toBe(false);
  });
});
