import { describe, expect, it } from 'vitest';
import { tableKey } from './observation';

describe('table keys', () => {
  it('are the lower-case table name, also from a column path (the policy file names masked columns by their four parts)', () => {
    expect(tableKey(['Main', 'Sales', 'Customers'])).toBe('main.sales.customers');
    expect(tableKey(['Main', 'Sales', 'Customers', 'Email'])).toBe('main.sales.customers');
  });
});
