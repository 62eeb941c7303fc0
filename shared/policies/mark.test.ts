import { describe, expect, it } from 'vitest';
import { abacDrafts, filterDrafts, grantDraft, maskDrafts } from './compile-steps';
import { markDraft, missingPrivileges } from './mark';
import type { ObservedAbacPolicy, ObservedPrincipalGrant, PolicyObservation } from './observation';
import { observation, policySet } from './policies.test-support';
import type { ColumnMaskPolicy, RowFilterPolicy } from './policy-model';
import type { GrantTarget } from './targets';

/**
 * Marking each step against the workspace: what the plan says it will do (create, change, leave unchanged) and the
 * refusal to replace a mask, row filter or ABAC policy that ucbridge did not create.
 */
const set = policySet({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'] },
    { name: 'open', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { groupValues: { everyone: ['*'] } } },
    { name: 'phones', type: 'columnMask', method: 'redact', tag: { key: 'pii', value: 'phone' }, scope: 'main.sales' },
  ],
});
const IC = 'ucb';
const policy = (n: string) => set.policies.find((p) => p.name === n)!;
const mask = maskDrafts(IC, { table: ['main', 'sales', 'customers'], column: 'email', type: 'STRING', method: 'hash', policies: [policy('hash-emails') as ColumnMaskPolicy] }).drafts;
const filter = filterDrafts(IC, { table: ['main', 'sales', 'orders'], columns: [{ name: 'region', type: 'STRING' }], policies: [policy('open') as RowFilterPolicy] }).drafts;
const abac = abacDrafts(IC, { policy: policy('phones') as ColumnMaskPolicy, on: 'SCHEMA', securable: ['main', 'sales'] }).drafts;
const attachedOf = (d: (typeof mask)[number]) => (d.expect.kind === 'mask' || d.expect.kind === 'filter' ? d.expect.fn : []);
const abacComment = abac[2]!.expect.kind === 'abac' ? abac[2]!.expect.comment : '';
const mark = (d: (typeof mask)[number], patch: Partial<PolicyObservation>) => markDraft(d, observation([], patch), IC);

describe('marking a function', () => {
  const core = mask[0]!;
  const name = core.expect.kind === 'function' ? core.expect.name : '';
  const comment = core.expect.kind === 'function' ? core.expect.comment : '';

  it('creates it when absent, leaves it when its comment (hash of the definition) is the same, replaces it otherwise', () => {
    expect(mark(core, {})).toEqual({ action: 'create' });
    expect(mark(core, { functions: new Map([[name, comment]]) })).toEqual({ action: 'unchanged' });
    expect(mark(core, { functions: new Map([[name, 'ucbridge policy hash-emails #0000000000000000']]) })).toEqual({ action: 'change' });
    expect(mark(core, { functions: new Map([[name, null]]) })).toEqual({ action: 'change' });
  });

  it('creates everything offline (nothing observed)', () => {
    expect(markDraft(core, null, IC)).toEqual({ action: 'create' });
    expect(markDraft(mask[2]!, null, IC)).toEqual({ action: 'create' });
  });
});

describe('marking a column mask', () => {
  const step = mask[2]!;
  const fn = attachedOf(step);
  const at = (table: string[], column: string, maskFn: readonly string[]) => ({ masks: [{ table: table as unknown as readonly [string, string, string], column, fn: maskFn as readonly [string, string, string] }] });

  it('leaves our mask in place (names compared without letter case), and creates one where the column has none', () => {
    expect(mark(step, at(['main', 'sales', 'customers'], 'email', fn))).toEqual({ action: 'unchanged' });
    expect(mark(step, at(['MAIN', 'Sales', 'customers'], 'EMAIL', fn.map((p) => p.toUpperCase())))).toEqual({ action: 'unchanged' });
    // A mask on another column or another table is not this one.
    expect(mark(step, at(['main', 'sales', 'customers'], 'phone', ['x', 'y', 'z']))).toEqual({ action: 'create' });
    expect(mark(step, at(['main', 'sales', 'leads'], 'email', ['x', 'y', 'z']))).toEqual({ action: 'create' });
  });

  it('replaces a mask of ours with another function (an earlier definition), in any letter case', () => {
    expect(mark(step, at(['main', 'sales', 'customers'], 'email', [IC, 'policies', 'mask_old']))).toEqual({ action: 'change' });
    expect(mark(step, at(['main', 'sales', 'customers'], 'email', ['UCB', 'Policies', 'mask_old']))).toEqual({ action: 'change' });
  });

  it('refuses to replace a mask from another catalog or schema, naming it', () => {
    const problem = (maskFn: string[]) => mark(step, at(['main', 'sales', 'customers'], 'email', maskFn));
    expect(problem(['main', 'sec', 'm'])).toEqual({ problem: 'main.sales.customers.email already has a mask (main.sec.m) that ucbridge did not create; remove it first, or leave this column out' });
    expect(problem([IC, 'other', 'm'])).toEqual({ problem: 'main.sales.customers.email already has a mask (ucb.other.m) that ucbridge did not create; remove it first, or leave this column out' });
    expect(problem(['other', 'policies', 'm'])).toHaveProperty('problem');
  });

  it('compares every part of the function name, not only some', () => {
    expect(mark(step, at(['main', 'sales', 'customers'], 'email', [fn[0]!, fn[1]!, 'mask_else']))).toEqual({ action: 'change' });
  });
});

describe('marking a row filter', () => {
  const step = filter[2]!;
  const fn = attachedOf(step);
  const on = (table: string[], filterFn: readonly string[]) => ({ filters: [{ table: table as unknown as readonly [string, string, string], fn: filterFn as readonly [string, string, string] }] });

  it('creates a filter where the table has none (a filter on another table does not count)', () => {
    expect(mark(step, {})).toEqual({ action: 'create' });
    expect(mark(step, on(['main', 'sales', 'customers'], ['main', 'sec', 'f']))).toEqual({ action: 'create' });
  });

  it('leaves ours in place, replaces ours with another function, refuses someone else\'s', () => {
    expect(mark(step, on(['Main', 'sales', 'ORDERS'], fn))).toEqual({ action: 'unchanged' });
    expect(mark(step, on(['main', 'sales', 'orders'], [IC, 'policies', 'filter_old']))).toEqual({ action: 'change' });
    expect(mark(step, on(['main', 'sales', 'orders'], ['main', 'sec', 'rls']))).toEqual({
      problem: 'main.sales.orders already has a row filter (main.sec.rls) that ucbridge did not create; remove it first, or leave this table out',
    });
  });
});

describe('marking an ABAC policy', () => {
  const step = abac[2]!;
  const policyAt = (p: Partial<ObservedAbacPolicy>): Partial<PolicyObservation> => ({ abacPolicies: [{ on: 'SCHEMA', securable: ['main', 'sales'], name: 'phones', type: 'COLUMN_MASK', comment: abacComment, ...p }] });

  it('creates it unless a policy of that name is on that securable', () => {
    expect(mark(step, {})).toEqual({ action: 'create' });
    expect(mark(step, policyAt({ on: 'CATALOG', securable: ['main'] }))).toEqual({ action: 'create' });
    expect(mark(step, policyAt({ securable: ['main', 'crm'] }))).toEqual({ action: 'create' });
    expect(mark(step, policyAt({ name: 'emails' }))).toEqual({ action: 'create' });
  });

  it('leaves it when the comment matches (names without letter case), replaces ours when it differs', () => {
    expect(mark(step, policyAt({ name: 'PHONES', securable: ['Main', 'SALES'] }))).toEqual({ action: 'unchanged' });
    expect(mark(step, policyAt({ comment: 'ucbridge policy phones #0000000000000000' }))).toEqual({ action: 'change' });
  });

  it('refuses to replace a policy of the same name that ucbridge did not create', () => {
    const problem = { problem: 'schema main.sales already has a policy named "phones" that ucbridge did not create; rename the policy' };
    expect(mark(step, policyAt({ comment: 'made by hand' }))).toEqual(problem);
    expect(mark(step, policyAt({ comment: null }))).toEqual(problem);
  });
});

describe('marking a grant', () => {
  const target: GrantTarget = { securable: 'SCHEMA', name: ['main', 'sales'], principal: 'Data-Analysts', privileges: ['SELECT', 'USE SCHEMA'], policies: ['p'] };
  const step = grantDraft(target);
  const held = (...grants: Partial<ObservedPrincipalGrant>[]): Partial<PolicyObservation> => ({
    grants: grants.map((g) => ({ securable: 'SCHEMA', name: ['main', 'sales'], principal: 'data-analysts', privileges: [], ...g })),
  });

  it('creates it when nothing is held, changes it when some is, leaves it when all is (privilege spelling and letter case ignored)', () => {
    expect(mark(step, {})).toEqual({ action: 'create' });
    expect(mark(step, held({ privileges: ['SELECT'] }))).toEqual({ action: 'change' });
    expect(mark(step, held({ privileges: ['select', 'USE_SCHEMA'], name: ['MAIN', 'Sales'] }))).toEqual({ action: 'unchanged' });
  });

  it('counts only the same principal\'s direct grants on the same securable', () => {
    expect(missingPrivileges(observation([], held({ privileges: ['SELECT'], principal: 'others' })), target)).toEqual(['SELECT', 'USE SCHEMA']);
    expect(missingPrivileges(observation([], held({ privileges: ['SELECT'], name: ['main', 'crm'] })), target)).toEqual(['SELECT', 'USE SCHEMA']);
    expect(missingPrivileges(observation([], held({ privileges: ['SELECT'], name: ['other', 'sales'] })), target)).toEqual(['SELECT', 'USE SCHEMA']);
    expect(missingPrivileges(observation([], held({ privileges: ['SELECT'], securable: 'CATALOG', name: ['main'] })), target)).toEqual(['SELECT', 'USE SCHEMA']);
  });

  it('counts ALL PRIVILEGES as holding everything but MANAGE', () => {
    const withManage: GrantTarget = { ...target, privileges: ['SELECT', 'MANAGE'] };
    expect(missingPrivileges(observation([], held({ privileges: ['ALL_PRIVILEGES'] })), withManage)).toEqual(['MANAGE']);
    expect(markDraft(grantDraft(withManage), observation([], held({ privileges: ['ALL PRIVILEGES'] })), IC)).toEqual({ action: 'change' });
  });

  it('takes every privilege as missing offline', () => {
    expect(missingPrivileges(null, target)).toEqual(['SELECT', 'USE SCHEMA']);
  });
});

describe('marking a step of an unknown kind', () => {
  it('fails loudly rather than guessing', () => {
    expect(() => markDraft({ ...mask[0]!, expect: { kind: 'view' } as never }, observation([]), IC)).toThrow();
  });
});
