import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../integration/plan-types';
import { observation } from './policies.test-support';
import type { PoliciesRecord, RecordItem } from './record';
import { recordedPresent, staleDrops } from './stale';

/** What an earlier apply made, checked against the workspace, and dropped when the policies no longer want it. */
const IC = 'ucb';
const item = (kind: RecordItem['kind'], object: string[], extra: Partial<RecordItem> = {}): RecordItem => ({ id: `${kind}:${object.join('.')}`, kind, inverse: `UNDO ${kind}`, purpose: `Make the ${kind}`, undoAfter: [], object, ...extra });
const fnItem = item('function', [IC, 'policies', 'mask_x']);
const maskItem = item('mask', ['main', 'sales', 'customers'], { column: 'Email' });
const filterItem = item('filter', ['main', 'sales', 'orders']);
const abacItem = item('abac', ['CATALOG', 'main', 'phones']);
const grantItem = item('grant', ['SCHEMA', 'main', 'sales'], { principal: 'Analysts', privileges: ['USE SCHEMA'] });

describe('recorded objects', () => {
  it('are assumed present offline', () => {
    for (const i of [fnItem, maskItem, filterItem, abacItem, grantItem]) expect(recordedPresent(i, null, IC)).toBe(true);
  });

  it('are present only as ucbridge made them: its function, its mask or filter function, its ABAC policy, the privilege it granted', () => {
    const none = observation([]);
    for (const i of [fnItem, maskItem, filterItem, abacItem, grantItem]) expect(recordedPresent(i, none, IC)).toBe(false);
    const ours = observation([], {
      functions: new Map([['mask_x', 'ucbridge policy x #0']]),
      masks: [{ table: ['main', 'sales', 'customers'], column: 'email', fn: ['UCB', 'Policies', 'mask_x'] }],
      filters: [{ table: ['main', 'sales', 'orders'], fn: ['ucb', 'policies', 'filter_x'] }],
      abacPolicies: [{ on: 'CATALOG', securable: ['Main'], name: 'Phones', type: 'COLUMN_MASK', comment: null }],
      grants: [{ securable: 'SCHEMA', name: ['main', 'Sales'], principal: 'analysts', privileges: ['use_schema'] }],
    });
    for (const i of [fnItem, maskItem, filterItem, abacItem, grantItem]) expect(recordedPresent(i, ours, IC)).toBe(true);
    const others = observation([], {
      functions: new Map([['mask_y', null]]),
      masks: [
        { table: ['main', 'sales', 'customers'], column: 'email', fn: ['sec', 'policies', 'mask_x'] },
        { table: ['main', 'sales', 'customers'], column: 'email', fn: ['ucb', 'other', 'mask_x'] },
        { table: ['main', 'sales', 'customers'], column: 'phone', fn: ['ucb', 'policies', 'mask_x'] },
        { table: ['main', 'sales', 'orders'], column: 'email', fn: ['ucb', 'policies', 'mask_x'] },
      ],
      filters: [
        { table: ['main', 'sales', 'orders'], fn: ['sec', 'policies', 'f'] },
        { table: ['main', 'sales', 'orders'], fn: ['ucb', 'other', 'f'] },
        { table: ['main', 'sales', 'customers'], fn: ['ucb', 'policies', 'f'] },
      ],
      abacPolicies: [
        { on: 'SCHEMA', securable: ['main'], name: 'phones', type: 'COLUMN_MASK', comment: null },
        { on: 'CATALOG', securable: ['main'], name: 'emails', type: 'COLUMN_MASK', comment: null },
      ],
      grants: [
        { securable: 'CATALOG', name: ['main', 'sales'], principal: 'analysts', privileges: ['USE SCHEMA'] },
        { securable: 'SCHEMA', name: ['main', 'crm'], principal: 'analysts', privileges: ['USE SCHEMA'] },
        { securable: 'SCHEMA', name: ['main', 'sales'], principal: 'others', privileges: ['USE SCHEMA'] },
        { securable: 'SCHEMA', name: ['main', 'sales'], principal: 'analysts', privileges: ['SELECT'] },
      ],
    });
    for (const i of [fnItem, maskItem, filterItem, abacItem, grantItem]) expect(recordedPresent(i, others, IC)).toBe(false);
  });
});

describe('stale drops', () => {
  const record: PoliciesRecord = { recordVersion: 1, catalog: IC, items: [fnItem, maskItem, grantItem] };
  const desired = (ids: string[]): PlanStep[] => ids.map((id) => ({ id, sql: 'x', purpose: 'p', dependsOn: [], inverse: null, action: 'create', target: 'main' }));

  it('drop what the policies no longer want with the recorded statement, functions after every attachment', () => {
    const obs = observation([], { functions: new Map([['mask_x', null]]) });
    const drops = staleDrops(record, new Set([grantItem.id]), obs, desired(['fn:a', 'mask:main.t.c', 'filter:main.t', 'abac:catalog:main:p', 'grant:x']));
    expect(drops).toEqual([
      {
        id: 'drop:function:ucb.policies.mask_x',
        sql: 'UNDO function',
        purpose: 'No longer wanted: make the function — remove it',
        dependsOn: ['mask:main.t.c', 'filter:main.t', 'abac:catalog:main:p', 'drop:mask:main.sales.customers'],
        inverse: null,
        action: 'change',
        target: 'main',
      },
      { id: 'drop:mask:main.sales.customers', sql: 'UNDO mask', purpose: 'No longer wanted: make the mask — remove it', dependsOn: [], inverse: null, action: 'unchanged', target: 'main' },
    ]);
  });

  it('drop nothing without a record or when everything is still wanted', () => {
    expect(staleDrops(null, new Set(), null, [])).toEqual([]);
    expect(staleDrops(record, new Set(record.items.map((i) => i.id)), null, [])).toEqual([]);
  });
});
