import { describe, expect, it } from 'vitest';
import { splitDottedName, joinDottedName } from './dotted-name';
import { parsePolicyFile, validatePolicyDocument } from './policy-file';

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

describe('policy file, each message', () => {
  const g = (extra: object) => ({ name: 'g', type: 'grant', privileges: ['SELECT'], securable: 'main', principals: ['x'], ...extra });
  const m = (extra: object) => ({ name: 'm', type: 'columnMask', method: 'redact', columns: ['main.s.t.c'], ...extra });
  const problems = (doc: unknown) => {
    const r = validatePolicyDocument(doc);
    return r.ok ? [] : r.problems;
  };

  it('spells privileges as SQL does, whatever the case, underscores or spacing', () => {
    const r = validatePolicyDocument({ policies: [g({ privileges: ['  select ', 'use_catalog', 'all   privileges'] })] });
    expect(r.ok && r.value.policies[0]).toMatchObject({ privileges: ['SELECT', 'USE CATALOG', 'ALL PRIVILEGES'] });
  });

  it('refuses control characters in names, and names Unity Catalog would refuse, saying which part and why', () => {
    expect(problems({ policies: [g({ name: 'a\u007fb' }), g({ name: 'tab\tx' })] })).toEqual([
      'policy "a\u007fb" (#1): field "name" contains a control character',
      'policy "tab\tx" (#2): field "name" contains a control character',
    ]);
    expect(problems({ policies: [g({ securable: 'a..b' }), g({ name: 'g2', securable: 'a b' }), m({ columns: ['main.s.t.c\u0001'] })] })).toEqual([
      'policy "g" (#1): field "securable" "a..b" is not a catalog, schema, table or volume name: a part of the name is empty',
      'policy "g2" (#2): field "securable" "a b": The name contains a space; Unity Catalog names cannot contain periods, spaces, slashes or control characters.',
      'policy "m" (#3): field "columns[0]" "main.s.t.c\u0001" contains a control character',
    ]);
    // A column's own name may hold what a table's may not, and keeps its letter case.
    const spaced = validatePolicyDocument({ policies: [m({ columns: ['Main.S.T.My Col'] })] });
    expect(spaced.ok && spaced.value.policies[0]).toMatchObject({ columns: [['main', 's', 't', 'My Col']] });
  });

  it('says which of columns, tag and scope is wrong', () => {
    expect(problems({ policies: [m({ tag: { key: 'k' }, scope: 'main' }), m({ name: 'm2', columns: undefined, scope: 'main' })] })).toEqual([
      'policy "m" (#1): field "columns" give either "columns" or "tag" (with "scope"), not both and not neither',
      'policy "m2" (#2): field "columns" give either "columns" or "tag" (with "scope"), not both and not neither',
      'policy "m2" (#2): field "scope" only goes with "tag"',
    ]);
  });

  it('takes up to 20 groups in a row filter’s group values', () => {
    const filter = (n: number) => ({ name: 'f', type: 'rowFilter', table: 'a.b.c', column: 'x', match: { groupValues: Object.fromEntries(Array.from({ length: n }, (_, i) => [`g${i}`, ['*']])) } });
    expect(problems({ policies: [filter(21)] })).toEqual(['policy "f" (#1): field "match.groupValues" has more than 20 groups']);
    expect(problems({ policies: [filter(20)] })).toEqual([]);
  });

  it('says what the file itself lacks, and what each field should be, in plain words', () => {
    expect(problems({})).toEqual(['The policy file field policies: is required']);
    expect(problems({ policies: 'x' })).toEqual(['The policy file field policies: must be a list']);
    expect(problems({ policies: [], columnTypes: { 'a.b.c.d': '1bad' } })).toEqual(['The policy file field columnTypes.a.b.c.d: is not a Databricks type name']);
    expect(problems({ policies: [g({ name: 5 }), m({ columns: 'x' }), 5, null, { name: '', type: 'grant', privileges: ['SELECT'], securable: 'main', principals: ['x'] }] })).toEqual([
      'policy #1: field "name" must be a string',
      'policy "m" (#2): field "columns" must be a list',
      'policy #3: must be an object',
      'policy #4: must be an object',
      'policy #5: field "name" is empty',
    ]);
  });

  it('refuses two names differing only in letter case, naming the first', () => {
    expect(problems({ policies: [g({ name: 'other' }), g({ name: 'Same' }), g({ name: 'same' })] })).toEqual([
      'policy "same": the name is used twice (#2 and another); names must be unique (letter case ignored)',
    ]);
  });

  it('keeps column types by lower-case name, as upper-case type names', () => {
    const r = validatePolicyDocument({ policies: [], columnTypes: { 'Main.S.T.C': 'decimal(10,2) ' } });
    expect(r.ok && r.value.columnTypes).toEqual({ 'main.s.t.c': 'DECIMAL(10,2)' });
  });

  it('reads JSON when told or when the text starts with { or [, YAML otherwise, and quotes the parser’s first line', () => {
    expect(parsePolicyFile('policies: []', 'json')).toEqual({ ok: false, problems: [expect.stringMatching(/^The policy file is not valid JSON: /)] });
    expect(parsePolicyFile('  \n {"policies": [}')).toEqual({ ok: false, problems: [expect.stringMatching(/^The policy file is not valid JSON: /)] });
    expect(parsePolicyFile('x{')).toEqual({ ok: false, problems: ['The policy file: expected an object with a "policies" list'] });
    expect(parsePolicyFile('{"policies": []}', 'yaml')).toEqual({ ok: true, value: { policies: [], columnTypes: {} } });
    const yaml = parsePolicyFile('policies:\n  - a: [\n  - b', 'yaml');
    expect(yaml).toEqual({ ok: false, problems: ['The policy file is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 3:'] });
  });
});
