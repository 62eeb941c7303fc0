import { describe, expect, it } from 'vitest';
import type { PolicyObservation } from './observation';
import { col, observation, policySet, salesTables } from './policies.test-support';
import { resolveTargets } from './targets';

/**
 * From policies to what Unity Catalog holds: which column each mask lands on (by name or by tag), how row filters on
 * one table merge, what each grant is on, and every refusal with the policy it names.
 */
const mask = (name: string, method: unknown, columns: string[], exempt: string[] = []) => ({ name, type: 'columnMask', method, columns, exempt });
const tagMask = (name: string, method: unknown, tag: { key: string; value?: string }, scope: string) => ({ name, type: 'columnMask', method, tag, scope });
const grant = (name: string, securable: string, privileges: string[], principals: string[], securableType?: string) => ({ name, type: 'grant', securable, privileges, principals, ...(securableType ? { securableType } : {}) });
const rowFilter = (name: string, table: string, column: string, match: unknown, exempt: string[] = []) => ({ name, type: 'rowFilter', table, column, match, exempt });
const resolve = (policies: unknown[], obs: PolicyObservation | null = observation(salesTables()), columnTypes?: Record<string, string>) => resolveTargets(policySet({ policies, ...(columnTypes ? { columnTypes } : {}) }), obs);

describe('masks by column name', () => {
  it('offline, take the type from the file\'s columnTypes, or say how to give it', () => {
    const t = resolve([mask('m', 'hash', ['main.sales.customers.Email'])], null, { 'Main.Sales.Customers.EMAIL': 'string' });
    expect(t.problems).toEqual([]);
    expect(t.masks).toEqual([{ table: ['main', 'sales', 'customers'], column: 'Email', type: 'STRING', method: 'hash', policies: [expect.objectContaining({ name: 'm' })] }]);
    expect(resolve([mask('m', 'hash', ['main.sales.customers.email'])], null).problems).toEqual([
      'policy "m": the type of main.sales.customers.email is not known offline; add "columnTypes": {"main.sales.customers.email": "<type>"} to the policy file, or plan while connected',
    ]);
  });

  it('online, take the column as the table declares it, and refuse a missing table', () => {
    const t = resolve([mask('m', 'redact', ['main.sales.customers.EMAIL'])], observation([['main.sales.customers', [col('Email', 'string')]]]));
    expect(t.masks.map((m) => [m.column, m.type])).toEqual([['Email', 'STRING']]);
    expect(resolve([mask('m', 'hash', ['main.sales.gone.email'])]).problems).toEqual(['policy "m": table main.sales.gone was not found (or you cannot see it)']);
  });
});

describe('masks by tag', () => {
  const tables = [
    ['main.sales.customers', [col('phone', 'string', { PII: 'phone' }), col('email', 'string', { pii: 'email' }), col('note', 'string', { other: 'phone' })]],
    ['main.sales.v', [col('phone', 'string', { pii: 'phone' })], 'VIEW'],
    ['main.crm.leads', [col('mobile', 'string', { pii: 'phone' })]],
    ['other.sales.t', [col('phone', 'string', { pii: 'phone' })]],
  ] as const;
  const noAbac = observation(tables, { abac: false });
  const columnsOf = (t: ReturnType<typeof resolve>) => t.masks.map((m) => `${m.table.join('.')}.${m.column}`);

  it('without ABAC, mask each column in scope whose tag key (any letter case) and value match, skipping views', () => {
    const t = resolve([tagMask('phones', 'redact', { key: 'pii', value: 'phone' }, 'main.sales')], noAbac);
    expect(columnsOf(t)).toEqual(['main.sales.customers.phone']);
    expect(t.notes).toEqual([
      'policy "phones": this workspace does not run ABAC policies, so the mask is set on each column tagged pii = phone in main.sales now (1 found); columns tagged later need the policies applied again',
    ]);
    expect(t.abacMasks).toEqual([]);
  });

  it('match a key-only tag whatever its value, in a whole catalog', () => {
    const t = resolve([tagMask('pii', 'redact', { key: 'pii' }, 'main')], noAbac);
    expect(columnsOf(t)).toEqual(['main.sales.customers.phone', 'main.sales.customers.email', 'main.crm.leads.mobile']);
    expect(t.notes[0]).toContain('each column tagged pii in main now (3 found)');
  });

  it('with ABAC, become one policy on the catalog or schema of the scope', () => {
    const t = resolve([tagMask('a', 'redact', { key: 'pii' }, 'main'), tagMask('b', 'redact', { key: 'x' }, 'main.crm')], observation(tables));
    expect(t.abacMasks.map((a) => [a.policy.name, a.on, a.securable])).toEqual([['a', 'CATALOG', ['main']], ['b', 'SCHEMA', ['main', 'crm']]]);
    expect(t.masks).toEqual([]);
  });

  it('refuse a text method when a tagged column in scope is not text (arrays of text included), listing each', () => {
    const typed = observation([
      ['main.sales.t', [col('n', 'bigint', { pii: 'x' }), col('tags', 'array<string>', { pii: 'x' }), col('s', 'varchar(10)', { pii: 'x' }), col('c', 'char(2)', { pii: 'x' })]],
      ['main.sales.v', [col('d', 'date', { pii: 'x' })], 'VIEW'],
      ['other.sales.t', [col('d', 'date', { pii: 'x' })]],
    ]);
    expect(resolve([tagMask('p', 'hash', { key: 'pii' }, 'main')], typed).problems).toEqual([
      'policy "p": hash masks text, but the tag pii is also on main.sales.t.n (bigint), main.sales.t.tags (array<string>); use "nullify", or mask those columns by name',
    ]);
    expect(resolve([tagMask('p', 'nullify', { key: 'pii' }, 'main')], typed).problems).toEqual([]);
  });

  it('refuse two tag policies reaching one column, once, and a tag policy meeting a mask by name', () => {
    const both = resolve([tagMask('b-phones', 'redact', { key: 'pii', value: 'phone' }, 'main'), tagMask('a-pii', 'redact', { key: 'pii' }, 'main.sales')], observation(tables));
    expect(both.problems).toEqual(['policies "a-pii" and "b-phones" would both mask main.sales.customers.phone through its tags; Unity Catalog refuses two masks on one column']);
    const named = resolve([tagMask('phones', 'redact', { key: 'pii', value: 'phone' }, 'main.sales'), mask('by-name', 'redact', ['main.sales.customers.phone'])], observation(tables));
    expect(named.problems).toEqual(['policies "phones" and "by-name" would both mask main.sales.customers.phone (by tag and by name); Unity Catalog refuses two masks on one column']);
  });

  it('leave views out of the two-masks check, as out of the tag expansion: ABAC policies FOR TABLES do not reach a view', () => {
    // https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/: "Supported securable types are tables,
    // materialized views, and streaming tables"; CREATE POLICY's bodies say FOR TABLES. A view reads its tables' masks.
    const viewOnly = observation([['main.sales.v', [col('phone', 'string', { pii: 'phone' })], 'VIEW'], ['main.sales.mv', [col('phone', 'string', { pii: 'phone' })], 'MATERIALIZED_VIEW']]);
    const t = resolve([tagMask('b-phones', 'redact', { key: 'pii', value: 'phone' }, 'main'), tagMask('a-pii', 'redact', { key: 'pii' }, 'main.sales')], viewOnly);
    expect(t.problems).toEqual(['policies "a-pii" and "b-phones" would both mask main.sales.mv.phone through its tags; Unity Catalog refuses two masks on one column']);
  });

  it('let a tag policy and masks by name coexist on columns it does not reach (untagged, or outside its scope)', () => {
    const t = resolve([tagMask('phones', 'redact', { key: 'pii', value: 'phone' }, 'main.sales'), mask('e', 'hash', ['main.sales.customers.note']), mask('m', 'hash', ['main.crm.leads.mobile'])], observation(tables));
    expect(t.problems).toEqual([]);
    expect(columnsOf(t)).toEqual(['main.sales.customers.note', 'main.crm.leads.mobile']);
  });
});

describe('row filters', () => {
  const groups = (g: Record<string, string[]>) => ({ groupValues: g });

  it('merge policies on one table into one filter over each column once (letter case ignored)', () => {
    const t = resolve([rowFilter('a', 'main.sales.orders', 'region', groups({ x: ['EU'] })), rowFilter('b', 'main.sales.orders', 'REGION', groups({ y: ['US'] })), rowFilter('c', 'main.sales.orders', 'amount', groups({ z: ['*'] }))]);
    expect(t.problems).toEqual([]);
    expect(t.filters).toHaveLength(1);
    expect(t.filters[0]!.columns).toEqual([{ name: 'region', type: 'STRING' }, { name: 'amount', type: 'DOUBLE' }]);
    expect(t.filters[0]!.policies.map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  it('refuse two policies giving one group (letter case ignored) different values of one column, naming both lists', () => {
    const t = resolve([rowFilter('a', 'main.sales.orders', 'region', groups({ Analysts: ['EU', 'US'] })), rowFilter('b', 'main.sales.orders', 'region', groups({ analysts: ['EU'] }))]);
    expect(t.problems).toEqual([
      'policies "a" and "b" give group "analysts" different values of main.sales.orders.region (EU, US / EU); Unity Catalog allows one row filter per table, so say it once',
    ]);
  });

  it('accept the same values in another order, other groups, other columns, and a user-attribute match', () => {
    const same = resolve([rowFilter('a', 'main.sales.orders', 'region', groups({ g: ['EU', 'US'] })), rowFilter('b', 'main.sales.orders', 'region', groups({ g: ['US', 'EU'], h: ['x'] }))]);
    expect(same.problems).toEqual([]);
    const otherColumn = resolve([rowFilter('a', 'main.sales.orders', 'region', groups({ g: ['EU'] })), rowFilter('b', 'main.sales.orders', 'amount', groups({ g: ['10'] }))]);
    expect(otherColumn.problems).toEqual([]);
    const attribute = resolve([rowFilter('a', 'main.sales.orders', 'region', groups({ g: ['EU'] })), rowFilter('b', 'main.sales.orders', 'region', { userAttribute: 'region' })]);
    expect(attribute.problems).toEqual([]);
    const attributeFirst = resolve([rowFilter('b', 'main.sales.orders', 'region', { userAttribute: 'region' }), rowFilter('a', 'main.sales.orders', 'region', groups({ g: ['EU'] }))]);
    expect(attributeFirst.problems).toEqual([]);
  });

  it('refuse a filter on a complex column or a missing one, naming the policy', () => {
    const obs = observation([['main.sales.t', [col('s', 'struct<a:int>')]]]);
    const t = resolve([rowFilter('f', 'main.sales.t', 's', groups({ g: ['*'] })), rowFilter('m', 'main.sales.t', 'nope', groups({ g: ['*'] }))], obs);
    expect(t.problems).toEqual(['policy "f": main.sales.t.s is of type struct<a:int>; row filters are written for scalar columns only', 'policy "m": table main.sales.t has no column "nope"']);
    expect(t.filters).toEqual([]);
  });
});

describe('grants', () => {
  const on = (t: ReturnType<typeof resolve>) => t.grants.map((g) => [g.securable, g.name.join('.'), g.principal, g.privileges, g.policies]);

  it('take the securable kind from the number of parts, a volume from its privileges, or from securableType', () => {
    const t = resolve([
      grant('c', 'main', ['USE CATALOG'], ['x']),
      grant('s', 'main.sales', ['USE SCHEMA'], ['x']),
      grant('t', 'main.sales.orders', ['SELECT'], ['x']),
      grant('v', 'main.sales.files', ['SELECT', 'READ VOLUME'], ['x']),
      grant('w', 'main.sales.raw', ['SELECT'], ['x'], 'volume'),
    ]);
    expect(t.problems).toEqual([]);
    expect(on(t)).toEqual([
      ['CATALOG', 'main', 'x', ['USE CATALOG'], ['c']],
      ['SCHEMA', 'main.sales', 'x', ['USE SCHEMA'], ['s']],
      ['TABLE', 'main.sales.orders', 'x', ['SELECT'], ['t']],
      ['VOLUME', 'main.sales.files', 'x', ['SELECT', 'READ VOLUME'], ['v']],
      ['VOLUME', 'main.sales.raw', 'x', ['SELECT'], ['w']],
    ]);
  });

  it('refuse a securableType that does not fit the name', () => {
    expect(resolve([grant('g', 'main.sales', ['SELECT'], ['x'], 'catalog')]).problems).toEqual(['policy "g": field "securable" names a 2-part object but "securableType" is catalog']);
    expect(resolve([grant('g', 'main.sales', ['SELECT'], ['x'], 'table')]).grants).toEqual([]);
  });

  it('merge the privileges of policies granting one securable to one principal (letter case ignored), one grant per principal', () => {
    const t = resolve([grant('a', 'main.sales', ['SELECT'], ['Analysts', 'auditors']), grant('b', 'main.sales', ['SELECT', 'MODIFY'], ['analysts']), grant('c', 'main.crm', ['SELECT'], ['analysts'])]);
    expect(on(t)).toEqual([
      ['SCHEMA', 'main.sales', 'Analysts', ['SELECT', 'MODIFY'], ['a', 'b']],
      ['SCHEMA', 'main.sales', 'auditors', ['SELECT'], ['a']],
      ['SCHEMA', 'main.crm', 'analysts', ['SELECT'], ['c']],
    ]);
  });
});
