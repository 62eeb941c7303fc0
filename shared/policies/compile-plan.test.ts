import { describe, expect, it } from 'vitest';
import { planHash } from '../integration/plan-hash';
import { compilePolicies, policyRefusal } from './compile';
import { observation, policySet, salesTables } from './policies.test-support';
import type { PoliciesRecord } from './record';

/** The compiled plan as automatic apply runs it, what the record keeps, and what preview reads. */
const IC = 'ucb';
const set = policySet({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'] },
    { name: 'open', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { groupValues: { everyone: ['*'] } } },
    { name: 'phones', type: 'columnMask', method: 'redact', tag: { key: 'pii', value: 'phone' }, scope: 'main.sales' },
    { name: 'analysts', type: 'grant', privileges: ['SELECT', 'USE SCHEMA'], securable: 'main.sales', principals: ['data-analysts'] },
  ],
});
const grantId = 'grant:schema:main.sales:data-analysts';
const holding = (privileges: string[]) => observation(salesTables(), { grants: [{ securable: 'SCHEMA', name: ['main', 'sales'], principal: 'data-analysts', privileges }] });

describe('the compiled plan', () => {
  // Compiled inside each test: Stryker counts a mutant covered only by code a test itself runs.
  const compile = () => compilePolicies(set, IC, observation(salesTables()), null);

  it('is a set-up plan on the main connection whose steps wait for what they use, hashed like every plan', () => {
    const c = compile();
    expect(c.plan.kind).toBe('setup');
    expect(c.plan.steps.map((s) => [s.id, s.dependsOn, s.action, s.target])).toEqual([
      ['fn:mask_main_sales_customers_email_84c965af_core', [], 'create', 'main'],
      ['fn:mask_main_sales_customers_email_84c965af', ['fn:mask_main_sales_customers_email_84c965af_core'], 'create', 'main'],
      ['mask:main.sales.customers.email', ['fn:mask_main_sales_customers_email_84c965af'], 'create', 'main'],
      ['fn:filter_main_sales_orders_8ffb32db_core', [], 'create', 'main'],
      ['fn:filter_main_sales_orders_8ffb32db', ['fn:filter_main_sales_orders_8ffb32db_core'], 'create', 'main'],
      ['filter:main.sales.orders', ['fn:filter_main_sales_orders_8ffb32db'], 'create', 'main'],
      ['fn:tagmask_phones_fb721541_core', [], 'create', 'main'],
      ['fn:tagmask_phones_fb721541', ['fn:tagmask_phones_fb721541_core'], 'create', 'main'],
      ['abac:schema:main.sales:phones', ['fn:tagmask_phones_fb721541'], 'create', 'main'],
      [grantId, [], 'create', 'main'],
    ]);
    expect(c.plan.steps.find((s) => s.id === 'mask:main.sales.customers.email')!.inverse).toBe('ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `email` DROP MASK');
    expect(c.plan.hash).toBe(planHash('setup', c.plan.steps));
  });

  it('gives preview each table\'s masks and filter (keyed lower-case) and the ABAC masks with their functions', () => {
    const c = compile();
    expect([...c.preview.keys()]).toEqual(['main.sales.customers', 'main.sales.orders']);
    const customers = c.preview.get('main.sales.customers')!;
    expect(customers.filter).toBeNull();
    expect(customers.masks).toHaveLength(1);
    expect(customers.masks[0]).toMatchObject({ column: 'email', policies: ['hash-emails'], pair: { attached: [IC, 'policies', 'mask_main_sales_customers_email_84c965af'] }, target: { column: 'email' } });
    const orders = c.preview.get('main.sales.orders')!;
    expect(orders.masks).toEqual([]);
    expect(orders.filter).toMatchObject({ columns: ['region'], policies: ['open'], pair: { core: [IC, 'policies', 'filter_main_sales_orders_8ffb32db_core'] }, target: { table: ['main', 'sales', 'orders'] } });
    expect(c.abac).toEqual([{ target: expect.objectContaining({ on: 'SCHEMA', securable: ['main', 'sales'] }), pair: { core: [IC, 'policies', 'tagmask_phones_fb721541_core'], attached: [IC, 'policies', 'tagmask_phones_fb721541'] } }]);
  });
});

describe('the grant record (what uninstall will revoke)', () => {
  it('keeps every privilege the apply adds, and nothing when the principal already held them all', () => {
    expect(compilePolicies({ policies: [set.policies[3]!], columnTypes: {} }, IC, null, null).records.get(grantId)).toMatchObject({ privileges: ['SELECT', 'USE SCHEMA'], inverse: 'REVOKE SELECT, USE SCHEMA ON SCHEMA `main`.`sales` FROM `data-analysts`' });
    const allHeld = compilePolicies(set, IC, holding(['SELECT', 'USE SCHEMA']), null);
    expect(allHeld.plan.steps.find((s) => s.id === grantId)!.action).toBe('unchanged');
    expect(allHeld.records.has(grantId)).toBe(false);
    expect(allHeld.records.has('mask:main.sales.customers.email')).toBe(true);
  });

  it('still revokes on uninstall what an earlier apply added, though the workspace now shows it held', () => {
    const first = compilePolicies(set, IC, holding(['SELECT']), null);
    expect(first.records.get(grantId)!.privileges).toEqual(['USE SCHEMA']);
    const record: PoliciesRecord = { recordVersion: 1, catalog: IC, items: [...first.records.values()] };
    // After that apply, both privileges are held: only USE SCHEMA is ucbridge's.
    const again = compilePolicies(set, IC, holding(['SELECT', 'USE SCHEMA']), record);
    expect(again.records.get(grantId)).toMatchObject({ privileges: ['USE SCHEMA'], inverse: 'REVOKE USE SCHEMA ON SCHEMA `main`.`sales` FROM `data-analysts`' });
    // A recorded privilege the policies no longer grant is not carried over.
    const fewer = policySet({ policies: [{ name: 'analysts', type: 'grant', privileges: ['SELECT'], securable: 'main.sales', principals: ['data-analysts'] }] });
    expect(compilePolicies(fewer, IC, holding(['SELECT', 'USE SCHEMA']), record).records.has(grantId)).toBe(false);
  });
});

describe('a refused plan', () => {
  it('names its one problem, or lists several, with the fix', () => {
    expect(policyRefusal(['table t was not found']).error).toEqual({
      code: 'BAD_REQUEST',
      message: 'The policies cannot be planned: table t was not found',
      hint: 'Change the policy file (or the workspace) as each problem says, then plan again.',
    });
    expect(policyRefusal(['a', 'b']).error.message).toBe('The policies cannot be planned (2 problems):\n- a\n- b');
  });

  it('lists a problem found twice once', () => {
    const twice = policySet({
      policies: [
        { name: 'm', type: 'columnMask', method: 'hash', columns: ['main.sales.gone.email', 'main.sales.gone.phone'] },
      ],
    });
    expect(() => compilePolicies(twice, IC, observation(salesTables()), null)).toThrow(/^The policies cannot be planned: policy "m": table main\.sales\.gone was not found \(or you cannot see it\)$/);
  });
});
