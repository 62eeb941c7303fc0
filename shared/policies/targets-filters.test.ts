import { describe, expect, it } from 'vitest';
import { policySet, observation, salesTables } from './policies.test-support';
import { resolveTargets } from './targets';

/** Two row filters giving one group values of one column: the same set in any order, or a refusal listing both sets. */
const filter = (name: string, values: string[]) => ({ name, type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { groupValues: { analysts: values } } });
const problems = (a: string[], b: string[]) => resolveTargets(policySet({ policies: [filter('a', a), filter('b', b)] }), observation(salesTables())).problems;

describe('row filters giving one group values twice', () => {
  it('accept the same values whichever policy lists them out of order', () => {
    expect(problems(['US', 'EU'], ['EU', 'US'])).toEqual([]);
  });

  it('refuse different sets, listing each as written', () => {
    expect(problems(['EU', 'US'], ['EU', 'FR'])).toEqual([
      'policies "a" and "b" give group "analysts" different values of main.sales.orders.region (EU, US / EU, FR); Unity Catalog allows one row filter per table, so say it once',
    ]);
  });
});
