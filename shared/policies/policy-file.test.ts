import { describe, expect, it } from 'vitest';
import { splitDottedName, joinDottedName } from './dotted-name';
import { parsePolicyFile } from './policy-file';

const ISSUE_EXAMPLE = `{ "policies": [
  { "name": "analysts-read-sales", "type": "grant", "privileges": ["SELECT"], "securable": "main.sales", "principals": ["data-analysts"] },
  { "name": "hash-emails", "type": "columnMask", "method": "hash", "columns": ["main.sales.customers.email"], "exempt": ["data-governance"] },
  { "name": "phones-last4", "type": "columnMask", "method": { "keepLast": 4 }, "tag": { "key": "pii", "value": "phone" }, "scope": "main", "exempt": ["data-governance"] },
  { "name": "orders-by-region", "type": "rowFilter", "table": "main.sales.orders", "column": "region", "match": { "userAttribute": "region" }, "exempt": ["admins"] },
  { "name": "ledger-by-group", "type": "rowFilter", "table": "finance.ledger.entries", "column": "cost_center", "match": { "groupValues": { "finance-analysts": ["*"], "data-analysts": ["CC-100", "CC-200"] } } }
] }`;

describe('policy file', () => {
  it('reads the issue example as JSON and the same policies as YAML', () => {
    const json = parsePolicyFile(ISSUE_EXAMPLE);
    expect(json.ok).toBe(true);
    const yaml = parsePolicyFile(
      'policies:\n  - name: hash-emails\n    type: columnMask\n    method: hash\n    columns: [main.sales.customers.email]\n    exempt: [data-governance]\n',
      'yaml',
    );
    expect(yaml).toEqual({ ok: true, value: { policies: [{ name: 'hash-emails', type: 'columnMask', method: 'hash', columns: [['main', 'sales', 'customers', 'email']], exempt: ['data-governance'] }], columnTypes: {} } });
    if (json.ok) expect(json.value.policies.map((p) => p.type)).toEqual(['grant', 'columnMask', 'columnMask', 'rowFilter', 'rowFilter']);
  });

  it('reports every problem, naming the policy (or its position) and the field', () => {
    const r = parsePolicyFile(
      JSON.stringify({
        policies: [
          { name: 'x', type: 'columnMask', method: { keepLast: 0 }, columns: ['a.b'] },
          { type: 'grant', privileges: ['FLY'], securable: 'main', principals: [] },
          { name: 'y', type: 'columnMask', method: 'hash', tag: { key: 'pii' } },
          { name: 'x', type: 'rowFilter', table: 'a.b.c', column: 'r', match: { groupValues: {} } },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'policy "x" (#1): field "method.keepLast" must be at least 1',
        'policy "x" (#1): field "columns[0]" "a.b" is not a column (expected 4 dot-separated parts)',
        'policy #2: field "name" is required',
        expect.stringMatching(/^policy #2: field "privileges\[0\]" is not a privilege a policy may grant/),
        'policy #2: field "principals" needs at least one principal',
        'policy "y" (#3): field "scope" is required with "tag": the catalog or schema whose tagged columns are masked',
        'policy "x" (#4): field "match.groupValues" needs at least one group',
      ]),
    );
  });

  it('refuses duplicate names, bad JSON and bad YAML with one clear line', () => {
    const dup = parsePolicyFile(JSON.stringify({ policies: [1, 2].map(() => ({ name: 'Same', type: 'grant', privileges: ['select'], securable: 'main', principals: ['g'] })) }));
    expect(dup).toEqual({ ok: false, problems: [expect.stringMatching(/^policy "Same": the name is used twice/)] });
    expect(parsePolicyFile('{ "policies": [ }')).toEqual({ ok: false, problems: [expect.stringMatching(/^The policy file is not valid JSON: /)] });
    expect(parsePolicyFile('policies: [\n', 'yaml')).toEqual({ ok: false, problems: [expect.stringMatching(/^The policy file is not valid YAML: /)] });
    expect(parsePolicyFile('[]')).toEqual({ ok: false, problems: ['The policy file: expected an object with a "policies" list'] });
  });

  it('takes hostile names: backtick-quoted parts, quotes and unicode, lower-casing securables but not columns', () => {
    const r = parsePolicyFile(JSON.stringify({ policies: [{ name: "O'Brien `x`", type: 'columnMask', method: 'redact', columns: ["Main.`we``ird`.tãble.`Col.One`"] }] }));
    expect(r.ok && r.value.policies[0]).toMatchObject({ columns: [['main', 'we`ird', 'tãble', 'Col.One']] });
    const bad = parsePolicyFile(JSON.stringify({ policies: [{ name: 'n', type: 'columnMask', method: 'redact', columns: ['a b.c.d.e'] }] }));
    expect(bad.ok === false && bad.problems[0]).toMatch(/cannot contain periods, spaces/);
    const control = parsePolicyFile(JSON.stringify({ policies: [{ name: 'a\nb', type: 'grant', privileges: ['SELECT'], securable: 'm', principals: ['g'] }] }));
    expect(control.ok === false && control.problems[0]).toMatch(/field "name" contains a control character/);
  });

  it('splits and joins dotted names losslessly', () => {
    for (const parts of [['a'], ['a', 'b.c', 'd`e'], ['x', '``', 'y']]) expect(splitDottedName(joinDottedName(parts))).toEqual({ parts });
    expect(splitDottedName('a..b')).toEqual({ problem: 'a part of the name is empty' });
    expect(splitDottedName('`a')).toEqual({ problem: 'a backtick-quoted part is not closed' });
  });
});
