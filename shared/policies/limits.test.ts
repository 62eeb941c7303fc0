import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { ABAC_LIMITS, checkLimits } from './limits';
import { observation, policySet, salesTables } from './policies.test-support';
import { parsePolicyFile } from './policy-file';
import { resolveTargets } from './targets';

/**
 * The documented limits, checked at plan so an apply never stops half-way:
 * - ABAC quotas (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements): 100 policies
 *   per catalog or schema, 10,000 per metastore, 20 principals in a TO or an EXCEPT clause;
 * - names (reference unity-catalog-scim-rest §0.1): Unity Catalog names are at most 255 characters; a policy's
 *   name also names its ABAC policy and its functions' comments, so the file caps it at 100;
 * - tags (reference governance-steps-3-4 [34]): key ≤ 255 characters, value ≤ 1,000.
 */
const IC = 'ucb';
/** A tag mask on its own tag key (`k-<name>`): no two of them meet on a column. */
const tagMask = (name: string, scope: string) => ({ name, type: 'columnMask', method: 'nullify', tag: { key: `k-${name}` }, scope });
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { error: { message: string } }).error.message;
  }
  throw new Error('expected a refusal');
};

describe('documented limits at plan', () => {
  it('holds the documented quotas', () => {
    expect(ABAC_LIMITS).toMatchObject({ perCatalogOrSchema: 100, perMetastore: 10_000, principalsPerClause: 20 });
  });

  it('refuses more than 100 ABAC policies on one catalog, counting the ones already there that ucbridge did not make', () => {
    const others = Array.from({ length: 99 }, (_, i) => ({ on: 'CATALOG' as const, securable: ['main'], name: `theirs-${i}`, type: 'COLUMN_MASK', comment: null }));
    const ours = Array.from({ length: 99 }, (_, i) => ({ on: 'CATALOG' as const, securable: ['main'], name: `old-${i}`, type: 'COLUMN_MASK', comment: 'ucbridge policy old #0' }));
    const two = policySet({ policies: [tagMask('a', 'main'), tagMask('b', 'main')] });
    expect(refusal(() => compilePolicies(two, IC, observation(salesTables(), { abacPolicies: others }), null))).toContain(
      'catalog main would have 101 ABAC policies (99 already there); Unity Catalog allows 100 per catalog or schema',
    );
    // ucbridge's own policies are replaced by the plan, not added to: they do not count twice.
    expect(() => compilePolicies(two, IC, observation(salesTables(), { abacPolicies: ours }), null)).not.toThrow();
    // One fewer of theirs fits exactly.
    expect(() => compilePolicies(two, IC, observation(salesTables(), { abacPolicies: others.slice(1) }), null)).not.toThrow();
  });

  it('counts only the policies already on that same catalog or schema, and plans offline with nothing observed', () => {
    const theirs = (on: 'CATALOG' | 'SCHEMA', securable: string[], i: number) => ({ on, securable, name: `t-${on}-${securable.join('.')}-${i}`, type: 'COLUMN_MASK', comment: null });
    const elsewhere = [
      ...Array.from({ length: 99 }, (_, i) => theirs('CATALOG', ['finance'], i)),
      // A schema named like the catalog, and the catalog's own schema: neither is the catalog.
      ...Array.from({ length: 99 }, (_, i) => theirs('SCHEMA', ['main'], i)),
      ...Array.from({ length: 99 }, (_, i) => theirs('SCHEMA', ['main', 'sales'], i)),
    ];
    const two = policySet({ policies: [tagMask('a', 'main'), tagMask('b', 'main')] });
    expect(() => compilePolicies(two, IC, observation(salesTables(), { abacPolicies: elsewhere }), null)).not.toThrow();
    // Offline nothing is observed, so nothing else counts: the plan still has both policies.
    const offline = compilePolicies(two, IC, null, null);
    expect(offline.plan.steps.filter((s) => s.id.startsWith('abac:'))).toHaveLength(2);
  });

  it('refuses more than 20 exempt groups on an ABAC policy, whoever built the policy', () => {
    // The file's schema caps the list at 20; a policy set built another way is still checked before the plan.
    const [base] = resolveTargets(policySet({ policies: [tagMask('wide', 'main')] }), observation([])).abacMasks;
    const exempt = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
    const targets = (n: number) => ({ masks: [], filters: [], grants: [], notes: [], problems: [], abacMasks: [{ ...base!, policy: { ...base!.policy, exempt: exempt(n) } }] });
    expect(checkLimits(targets(21), null)).toEqual(['policy "wide": more than 20 exempt groups']);
    expect(checkLimits(targets(20), null)).toEqual([]);
  });

  it('refuses more than 10,000 ABAC policies in the metastore', () => {
    // The limit check on 10,001 resolved policies, each on its own schema. Compiling their statements takes ~10 s
    // (far longer under mutation testing, which reruns this for every mutant it reaches) and adds nothing: the
    // per-catalog case above shows that a limit problem refuses the plan.
    const [base] = resolveTargets(policySet({ policies: [tagMask('p', 'c.s')] }), observation([])).abacMasks;
    const abacMasks = Array.from({ length: 10_001 }, (_, i) => ({ ...base!, policy: { ...base!.policy, name: `p${i}` }, securable: [`c${Math.floor(i / 100)}`, `s${i % 100}`] }));
    const targets = { masks: [], filters: [], grants: [], notes: [], problems: [], abacMasks };
    expect(checkLimits(targets, observation([]))).toEqual(['10001 ABAC policies exceed the 10000 Unity Catalog allows per metastore']);
    // Exactly 10,000 fit.
    expect(checkLimits({ ...targets, abacMasks: abacMasks.slice(1) }, observation([]))).toEqual([]);
  });

  it('refuses more than 20 principals in an EXCEPT list, and more than 20 principals in one policy', () => {
    const groups = Array.from({ length: 21 }, (_, i) => `g${i}`);
    const r = parsePolicyFile(JSON.stringify({ policies: [{ ...tagMask('wide', 'main'), exempt: groups }, { name: 'g', type: 'grant', privileges: ['SELECT'], securable: 'main', principals: groups }] }));
    expect(r.ok === false && r.problems).toEqual([
      'policy "wide" (#1): field "exempt" has more than 20 groups (Unity Catalog allows at most 20 principals in EXCEPT)',
      'policy "g" (#2): field "principals" has more than 20 principals (Unity Catalog allows at most 20 in one policy)',
    ]);
    expect(parsePolicyFile(JSON.stringify({ policies: [{ ...tagMask('twenty', 'main'), exempt: groups.slice(1) }] })).ok).toBe(true);
  });

  it('refuses names and tags longer than Unity Catalog allows', () => {
    const long = 'x'.repeat(256);
    const r = parsePolicyFile(
      JSON.stringify({
        policies: [
          { ...tagMask('n'.repeat(101), 'main') },
          { name: 'long-table', type: 'columnMask', method: 'redact', columns: [`main.sales.${long}.c`] },
          { name: 'long-tag', type: 'columnMask', method: 'redact', tag: { key: 'k'.repeat(256), value: 'v'.repeat(1001) }, scope: 'main' },
        ],
      }),
    );
    expect(r.ok === false && r.problems).toEqual(
      expect.arrayContaining([
        `policy "${'n'.repeat(101)}" (#1): field "name" is longer than 100 characters`,
        expect.stringMatching(/^policy "long-table" \(#2\): field "columns\[0\]" ".*": The name is 256 characters long; Unity Catalog allows at most 255\.$/),
        expect.stringMatching(/^policy "long-tag" \(#3\): field "tag\.key" /),
        expect.stringMatching(/^policy "long-tag" \(#3\): field "tag\.value" /),
      ]),
    );
  });

  it('names every generated function within 255 characters, however long the table and column names are', () => {
    const t = `main.${'s'.repeat(255)}.${'t'.repeat(255)}`;
    const tables = [[t, [{ name: 'c'.repeat(255), type: 'string', tags: {} }]] as const];
    const set = policySet({ policies: [{ name: 'm'.repeat(100), type: 'columnMask', method: 'redact', columns: [`${t}.${'c'.repeat(255)}`] }] });
    const c = compilePolicies(set, IC, observation(tables), null);
    const names = c.plan.steps.filter((s) => s.id.startsWith('fn:')).map((s) => /`policies`\.`([^`]+)`/.exec(s.sql)![1]!);
    expect(names).toHaveLength(2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(255);
  });
});
