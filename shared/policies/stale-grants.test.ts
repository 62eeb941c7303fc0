import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../integration/plan-types';
import { observation } from './policies.test-support';
import type { PoliciesRecord, RecordItem } from './record';
import { recordedPresent, staleDrops } from './stale';

/** A recorded grant is still there while the principal holds any privilege ucbridge granted; stale functions wait only for attachments. */
const grantItem: RecordItem = { id: 'grant:schema:main.sales:analysts', kind: 'grant', inverse: 'REVOKE', purpose: 'Grant', undoAfter: [], object: ['SCHEMA', 'main', 'sales'], principal: 'analysts', privileges: ['SELECT'] };

describe('a recorded grant', () => {
  it('is present when the principal holds what ucbridge granted, whatever else it holds there', () => {
    const obs = observation([], { grants: [{ securable: 'SCHEMA', name: ['main', 'sales'], principal: 'analysts', privileges: ['SELECT', 'MODIFY'] }] });
    expect(recordedPresent(grantItem, obs, 'ucb')).toBe(true);
  });
});

describe('a record item of an unknown kind', () => {
  it('fails loudly rather than guessing whether it is there', () => {
    expect(() => recordedPresent({ ...grantItem, kind: 'view' as never }, observation([]), 'ucb')).toThrow();
  });
});

describe('dropping a stale function', () => {
  it('waits for the plan\'s masks, filters and ABAC policies, not for a grant whose name contains "mask:"', () => {
    const fn: RecordItem = { id: 'fn:old', kind: 'function', inverse: 'DROP FUNCTION old', purpose: 'Create old', undoAfter: [], object: ['ucb', 'policies', 'old'] };
    const record: PoliciesRecord = { recordVersion: 1, catalog: 'ucb', items: [fn] };
    const step = (id: string): PlanStep => ({ id, sql: 'x', purpose: 'x', dependsOn: [], inverse: null, action: 'create', target: 'main' });
    const desired = [step('mask:main.sales.t.c'), step('grant:schema:main.mask:x'), step('fn:new')];
    expect(staleDrops(record, new Set(), null, desired)[0]!.dependsOn).toEqual(['mask:main.sales.t.c']);
  });
});
