import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { col, observation, policySet, salesTables } from './policies.test-support';
import { planPoliciesUninstall } from './uninstall';
import type { PoliciesRecord } from './record';

const IC = 'ucb';
const mask = (name: string, method: unknown, columns: string[], exempt: string[] = []) => ({ name, type: 'columnMask', method, columns, exempt });
const sqlOf = (c: ReturnType<typeof compilePolicies>, prefix: string) => c.plan.steps.filter((s) => s.id.startsWith(prefix)).map((s) => s.sql);
const isCore = (sql: string) => /^CREATE OR REPLACE FUNCTION `[^`]+`\.`policies`\.`[^`]+_core`/.test(sql);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { error: { message: string } }).error.message;
  }
  throw new Error('expected a refusal');
};

describe('column masks', () => {
  it('writes each method for each type, with the core taking the principal and the attached one calling it as current_user()', () => {
    const set = policySet({
      policies: [
        mask('m-hash', 'hash', ['main.sales.customers.email'], ['data-governance']),
        mask('m-redact-str', 'redact', ['main.sales.customers.phone']),
        mask('m-redact-date', 'redact', ['main.sales.customers.birth']),
        mask('m-null', 'nullify', ['main.sales.customers.credit']),
        mask('m-last', { keepLast: 4 }, ['main.sales.orders.region']),
      ],
    });
    const c = compilePolicies(set, IC, observation(salesTables(), { abac: false }), null);
    const fns = sqlOf(c, 'fn:');
    expect(fns).toHaveLength(10);
    const core = (needle: string) => fns.find((s) => isCore(s) && s.includes(needle))!;
    expect(core("sha2(masked_value, 256)")).toMatch(/^CREATE OR REPLACE FUNCTION `ucb`\.`policies`\.`mask_main_sales_customers_email_[0-9a-f]{8}_core`\(`masked_value` STRING, `for_principal` STRING, `member_groups` ARRAY<STRING>\) RETURNS STRING COMMENT 'ucbridge policy m-hash #[0-9a-f]{16}' RETURN CASE WHEN \(array_contains\(member_groups, 'data-governance'\)\) THEN masked_value ELSE sha2\(masked_value, 256\) END$/);
    expect(core("RETURN '****'")).toContain('RETURNS STRING');
    expect(core('CAST(NULL AS DATE)')).toContain('(`masked_value` DATE,');
    expect(core('CAST(NULL AS DECIMAL(10,2))')).toContain('RETURNS DECIMAL(10,2)');
    expect(core("concat(repeat('*', greatest(length(masked_value) - 4, 0)), right(masked_value, 4))")).toBeDefined();
    const attached = fns.find((s) => s.includes('customers_email') && !isCore(s))!;
    expect(attached).toMatch(/RETURN `ucb`\.`policies`\.`mask_main_sales_customers_email_[0-9a-f]{8}_core`\(`masked_value`, current_user\(\), array_compact\(array\(CASE WHEN is_account_group_member\('data-governance'\) THEN 'data-governance' END\)\)\)$/);
    expect(fns.find((s) => s.includes('customers_phone') && !isCore(s))).toContain('CAST(array() AS ARRAY<STRING>)');
    expect(sqlOf(c, 'mask:')).toContainEqual(expect.stringMatching(/^ALTER TABLE `main`\.`sales`\.`customers` ALTER COLUMN `email` SET MASK `ucb`\.`policies`\.`mask_main_sales_customers_email_[0-9a-f]{8}`$/));
    expect(c.plan.steps.every((s) => s.action === 'create')).toBe(true);
  });

  it('refuses hash and keep-last on non-string columns, and masks on complex types and views', () => {
    const tables = [...salesTables(), ['main.sales.v', [col('x', 'string')], 'VIEW'] as const, ['main.sales.s', [col('st', 'struct<a:int>')]] as const];
    const msg = refusal(() =>
      compilePolicies(policySet({ policies: [mask('h', 'hash', ['main.sales.customers.credit']), mask('k', { keepLast: 2 }, ['main.sales.customers.birth']), mask('v', 'redact', ['main.sales.v.x']), mask('s', 'nullify', ['main.sales.s.st']), mask('n', 'redact', ['main.sales.customers.nope'])] }), IC, observation(tables), null),
    );
    expect(msg).toContain('policy "h": hash works on text columns, and main.sales.customers.credit is decimal(10,2); use "redact" or "nullify" for it');
    expect(msg).toContain('policy "k": keep last 2 works on text columns, and main.sales.customers.birth is date');
    expect(msg).toContain('main.sales.v is a view');
    expect(msg).toContain('policy "s": main.sales.s.st is of type struct<a:int>; masks are written for scalar types only');
    expect(msg).toContain('table main.sales.customers has no column "nope"');
  });

  it('merges masks of the same method (clear only for who is exempt from all) and refuses different methods naming both', () => {
    const merged = compilePolicies(policySet({ policies: [mask('a', 'hash', ['main.sales.customers.email'], ['g1']), mask('b', 'hash', ['main.sales.customers.email'], ['g2'])] }), IC, observation(salesTables()), null);
    expect(sqlOf(merged, 'mask:')).toHaveLength(1);
    expect(sqlOf(merged, 'fn:').find(isCore)).toContain("CASE WHEN (array_contains(member_groups, 'g1')) AND (array_contains(member_groups, 'g2')) THEN");
    const msg = refusal(() => compilePolicies(policySet({ policies: [mask('a', 'hash', ['main.sales.customers.email']), mask('b', 'redact', ['main.sales.customers.email'])] }), IC, observation(salesTables()), null));
    expect(msg).toContain('policies "a" and "b" both mask main.sales.customers.email, one by hash and one by redact');
  });
});

describe('tag-targeted masks', () => {
  const phones = { name: 'phones-last4', type: 'columnMask', method: { keepLast: 4 }, tag: { key: 'pii', value: 'phone' }, scope: 'main', exempt: ['data-governance'] };

  it('compile to one ABAC policy where the workspace runs ABAC', () => {
    const c = compilePolicies(policySet({ policies: [phones] }), IC, observation(salesTables()), null);
    const abac = sqlOf(c, 'abac:');
    expect(abac).toEqual([
      expect.stringMatching(
        /^CREATE OR REPLACE POLICY `phones-last4` ON CATALOG `main` COMMENT 'ucbridge policy phones-last4 #[0-9a-f]{16}' COLUMN MASK `ucb`\.`policies`\.`tagmask_phones_last4_[0-9a-f]{8}` TO `account users` EXCEPT `data-governance` FOR TABLES MATCH COLUMNS hasTagValue\('pii', 'phone'\) AS c ON COLUMN c$/,
      ),
    ]);
    expect(sqlOf(c, 'mask:')).toEqual([]);
    expect(c.notes).toEqual([]);
  });

  it('expand to every tagged column now, with a note, where it does not', () => {
    const c = compilePolicies(policySet({ policies: [phones] }), IC, observation(salesTables(), { abac: false }), null);
    expect(sqlOf(c, 'mask:').map((s) => s.split(' SET MASK')[0])).toEqual(['ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `phone`', 'ALTER TABLE `main`.`crm`.`leads` ALTER COLUMN `mobile`']);
    expect(c.notes).toEqual([expect.stringContaining('columns tagged later need the policies applied again')]);
  });

  it('refuses a tag mask overlapping a named mask, and text methods on non-text tagged columns', () => {
    const overlap = refusal(() => compilePolicies(policySet({ policies: [phones, mask('phone-hash', 'hash', ['main.crm.leads.mobile'])] }), IC, observation(salesTables()), null));
    expect(overlap).toContain('policies "phones-last4" and "phone-hash" would both mask main.crm.leads.mobile (by tag and by name)');
    const tables = [...salesTables(), ['main.crm.calls', [col('n', 'bigint', { pii: 'phone' })]] as const];
    expect(refusal(() => compilePolicies(policySet({ policies: [phones] }), IC, observation(tables), null))).toContain('the tag pii = phone is also on main.crm.calls.n (bigint); use "nullify"');
  });
});

describe('row filters', () => {
  const region = { name: 'orders-by-region', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { userAttribute: 'region' }, exempt: ['admins'] };
  const ledger = { name: 'ledger-by-group', type: 'rowFilter', table: 'finance.ledger.entries', column: 'cost_center', match: { groupValues: { 'finance-analysts': ['*'], 'data-analysts': ['CC-100', 'CC-200'] } } };

  it('reads the user attribute from principal_attributes and group values from the groups the principal is in', () => {
    const c = compilePolicies(policySet({ policies: [region, ledger] }), IC, observation(salesTables()), null);
    const cores = sqlOf(c, 'fn:').filter(isCore);
    expect(cores.find((s) => s.includes('orders'))).toContain(
      "RETURNS BOOLEAN COMMENT 'ucbridge policy orders-by-region #",
    );
    expect(cores.find((s) => s.includes('orders'))).toMatch(/RETURN \(array_contains\(member_groups, 'admins'\) OR EXISTS \(SELECT 1 FROM `ucb`\.`entitlements`\.`principal_attributes` AS a WHERE lower\(a\.principal\) = lower\(for_principal\) AND a\.attribute = 'region' AND a\.value = CAST\(col_1 AS STRING\)\)\)$/);
    expect(cores.find((s) => s.includes('ledger'))).toMatch(/RETURN \(array_contains\(member_groups, 'finance-analysts'\) OR \(array_contains\(member_groups, 'data-analysts'\) AND CAST\(col_1 AS STRING\) IN \('CC-100', 'CC-200'\)\)\)$/);
    expect(sqlOf(c, 'filter:')).toContainEqual(expect.stringMatching(/^ALTER TABLE `finance`\.`ledger`\.`entries` SET ROW FILTER `ucb`\.`policies`\.`filter_finance_ledger_entries_[0-9a-f]{8}` ON \(`cost_center`\)$/));
  });

  it('merges filters on one table into one function (every policy must allow the row) and refuses contradictions', () => {
    const second = { ...ledger, name: 'ledger-amount', column: 'amount', match: { groupValues: { auditors: ['*'] } } };
    const c = compilePolicies(policySet({ policies: [ledger, second] }), IC, observation(salesTables()), null);
    expect(sqlOf(c, 'filter:')[0]).toContain('ON (`cost_center`, `amount`)');
    expect(sqlOf(c, 'fn:').find(isCore)).toMatch(/ IN \('CC-100', 'CC-200'\)\)\) AND \(array_contains\(member_groups, 'auditors'\)\)$/);
    const clash = { ...ledger, name: 'ledger-other', match: { groupValues: { 'data-analysts': ['CC-300'] } } };
    expect(refusal(() => compilePolicies(policySet({ policies: [ledger, clash] }), IC, observation(salesTables()), null))).toContain('policies "ledger-by-group" and "ledger-other" give group "data-analysts" different values');
  });
});

describe('marking, re-planning and uninstall', () => {
  const policies = policySet({
    policies: [
      mask('hash-emails', 'hash', ['main.sales.customers.email'], ['data-governance']),
      { name: 'analysts-read-sales', type: 'grant', privileges: ['SELECT', 'USE_SCHEMA'], securable: 'main.sales', principals: ['data-analysts'] },
    ],
  });

  it('marks unchanged what is in place, and refuses to replace a mask ucbridge did not create', () => {
    const first = compilePolicies(policies, IC, observation(salesTables()), null);
    const fnComments = new Map(first.plan.steps.filter((s) => s.id.startsWith('fn:')).map((s) => [/`policies`\.`([^`]+)`/.exec(s.sql)![1]!, /COMMENT '([^']+)'/.exec(s.sql)![1]!]));
    const maskFn = [...fnComments.keys()].find((n) => !n.endsWith('_core'))!;
    const obs = observation(salesTables(), {
      functions: fnComments,
      masks: [{ table: ['main', 'sales', 'customers'], column: 'email', fn: [IC, 'policies', maskFn] }],
      grants: [{ securable: 'SCHEMA', name: ['main', 'sales'], principal: 'data-analysts', privileges: ['SELECT'] }],
    });
    const again = compilePolicies(policies, IC, obs, null);
    expect(again.plan.steps.map((s) => [s.id.split(':')[0], s.action])).toEqual([['fn', 'unchanged'], ['fn', 'unchanged'], ['mask', 'unchanged'], ['grant', 'change']]);
    // Only USE SCHEMA was missing: that is all the record would revoke.
    expect([...again.records.values()].find((r) => r.kind === 'grant')).toMatchObject({ privileges: ['USE SCHEMA'], inverse: 'REVOKE USE SCHEMA ON SCHEMA `main`.`sales` FROM `data-analysts`' });
    const foreign = observation(salesTables(), { masks: [{ table: ['main', 'sales', 'customers'], column: 'email', fn: ['main', 'sec', 'm'] }] });
    expect(refusal(() => compilePolicies(policies, IC, foreign, null))).toContain('main.sales.customers.email already has a mask (main.sec.m) that ucbridge did not create');
  });

  it('drops what an earlier apply made and the policies no longer want, functions after attachments', () => {
    const first = compilePolicies(policies, IC, observation(salesTables()), null);
    const record: PoliciesRecord = { recordVersion: 1, catalog: IC, items: [...first.records.values()] };
    const onlyGrant = { policies: [policies.policies[1]!], columnTypes: {} };
    const next = compilePolicies(onlyGrant, IC, observation(salesTables()), record);
    const drops = next.plan.steps.filter((s) => s.id.startsWith('drop:'));
    expect(drops.map((s) => s.sql)).toEqual([expect.stringMatching(/^DROP FUNCTION IF EXISTS `ucb`\.`policies`\.`mask_.*_core`$/), expect.stringMatching(/^DROP FUNCTION IF EXISTS/), 'ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `email` DROP MASK']);
    expect(drops[0]!.dependsOn).toContain('drop:mask:main.sales.customers.email');
  });

  it('uninstalls from the record in reverse, attachments before functions, revoking only recorded privileges', () => {
    const c = compilePolicies(policies, IC, observation(salesTables()), null);
    const { plan } = planPoliciesUninstall({ recordVersion: 1, catalog: IC, items: [...c.records.values()] }, [], null, IC);
    expect(plan.kind).toBe('uninstall');
    expect(plan.steps.map((s) => s.sql.split(' ').slice(0, 2).join(' '))).toEqual(['REVOKE SELECT,', 'ALTER TABLE', 'DROP FUNCTION', 'DROP FUNCTION']);
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const attachedDrop = plan.steps.find((s) => s.sql.startsWith('DROP FUNCTION') && !s.sql.includes('_core'))!;
    expect(attachedDrop.dependsOn).toEqual(['undo:mask:main.sales.customers.email']);
    expect(byId.size).toBe(4);
    const noRecord = planPoliciesUninstall(null, [...c.records.values()], null, IC);
    expect(noRecord.plan.steps.some((s) => s.sql.startsWith('REVOKE'))).toBe(false);
    expect(noRecord.notes[0]).toContain('revokes no privilege');
  });

  it('quotes hostile names and values everywhere', () => {
    const tables = [["c'at.s`ch.t\\ab", [col("co`l'", 'string'), col('r', 'string')]] as const];
    const set = policySet({
      policies: [
        mask("m'1", 'redact', ["c'at.`s``ch`.t\\ab.`co``l'`"], ["g'`\\"]),
        { name: 'f', type: 'rowFilter', table: "c'at.`s``ch`.t\\ab", column: 'r', match: { groupValues: { "g'": ["v'\\x"] } } },
      ],
    });
    const c = compilePolicies(set, "ic'`", observation(tables), null);
    const all = c.plan.steps.map((s) => s.sql).join('\n');
    expect(all).toContain("ALTER TABLE `c'at`.`s``ch`.`t\\ab` ALTER COLUMN `co``l'` SET MASK `ic'``");
    expect(all).toContain("array_contains(member_groups, 'g\\'`\\\\')");
    expect(all).toContain("IN ('v\\'\\\\x')");
    expect(all).toContain("COMMENT 'ucbridge policy m\\'1 #");
  });
});
