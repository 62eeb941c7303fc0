import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { col, observation, policySet } from './policies.test-support';
import { previewSql, type PreviewState } from './preview-sql';

/** Which columns preview masks through an ABAC policy (its scope, tag key and value), and what it checks once in force. */
const obs = observation([
  ['main.sales.customers', [col('id', 'int'), col('phone', 'string', { pii: 'phone' }), col('email', 'string', { pii: 'email' }), col('note', 'string', { other: 'phone' })]],
  ['main.crm.leads', [col('mobile', 'string', { pii: 'phone' })]],
]);
const customers = obs.tables.get('main.sales.customers')!;
const leads = obs.tables.get('main.crm.leads')!;
const before: PreviewState = { deployed: () => false, enforced: () => false };
const inForce: PreviewState = { deployed: () => false, enforced: () => true };
const compile = (policies: unknown[]) => compilePolicies(policySet({ policies }), 'ucb', obs, null);
const phones = { name: 'phones', type: 'columnMask', method: 'redact', tag: { key: 'pii', value: 'phone' }, scope: 'main.sales', exempt: ['gov'] };

describe('preview of tag masks', () => {
  it('masks only columns whose tag key and value match, in tables of the policy\'s schema', () => {
    const c = compile([phones]);
    expect(previewSql(c, 'ucb', customers, 'p@x', [], 5, before)).toMatchObject({ maskedColumns: ['phone'], policies: ['phones'] });
    // Same catalog, another schema: outside the policy.
    expect(previewSql(c, 'ucb', leads, 'p@x', [], 5, before)).toMatchObject({ maskedColumns: [], policies: [] });
  });

  it('masks every value of a key-only tag, across the catalog', () => {
    const c = compile([{ ...phones, name: 'pii', tag: { key: 'pii' }, scope: 'main' }]);
    expect(previewSql(c, 'ucb', customers, 'p@x', [], 5, before).maskedColumns).toEqual(['phone', 'email']);
    expect(previewSql(c, 'ucb', leads, 'p@x', [], 5, before).maskedColumns).toEqual(['mobile']);
  });
});

describe('preview once the policies are in force', () => {
  const c = compile([
    phones,
    { name: 'r', type: 'rowFilter', table: 'main.sales.customers', column: 'ID', match: { groupValues: { a: ['1'] } }, exempt: ['gov'] },
    { name: 'r2', type: 'rowFilter', table: 'main.sales.customers', column: 'Note', match: { groupValues: { a: ['x'] } }, exempt: ['gov'] },
  ]);
  const installerIsGov = "(array_contains(array_compact(array(CASE WHEN is_account_group_member('gov') THEN 'gov' END)), 'gov'))";

  it('for an exempt principal checks that the installer can read the clear value and every row', () => {
    const q = previewSql(c, 'ucb', customers, 'p@x', ['gov'], 5, inForce);
    expect(q.checks).toEqual([{ kind: 'column', column: 'phone' }, { kind: 'filter' }]);
    expect(q.checksSql).toBe(`SELECT coalesce(${installerIsGov}, FALSE) AS \`check_0\`, coalesce(${installerIsGov} AND ${installerIsGov}, FALSE) AS \`check_1\``);
    expect(q.maskedColumns).toEqual([]);
  });

  it('evaluates each filter policy on its own column, as the table declares it', () => {
    const q = previewSql(c, 'ucb', customers, 'p@x', ['a'], 5, inForce);
    expect(q.principalSql).toContain(
      "WHERE coalesce((array_contains(array('a'), 'gov') OR (array_contains(array('a'), 'a') AND CAST(ucbridge_t.`id` AS STRING) IN ('1'))) AND (array_contains(array('a'), 'gov') OR (array_contains(array('a'), 'a') AND CAST(ucbridge_t.`note` AS STRING) IN ('x'))), FALSE) LIMIT 5",
    );
    // Not exempt: nothing the installer must be able to read beyond the filter.
    expect(q.checks).toEqual([{ kind: 'filter' }]);
  });
});
