import { describe, expect, it } from 'vitest';
import { withoutAnswered } from './problem-keys';

describe('withoutAnswered', () => {
  const problems = { catalog: 'c', warehouse: 'w', 'governed.1': 'g', 'additional.0.httpPath': 'a', servicePrincipal: 's' };

  it('clears only the problems of the fields that changed', () => {
    expect(withoutAnswered(problems, { warehouseId: 'x', httpPath: '/p' })).toEqual({ catalog: 'c', 'governed.1': 'g', 'additional.0.httpPath': 'a', servicePrincipal: 's' });
    expect(withoutAnswered(problems, { governedCatalogs: [], additional: [] })).toEqual({ catalog: 'c', warehouse: 'w', servicePrincipal: 's' });
  });

  it('keeps the same object when nothing it holds was answered', () => {
    expect(withoutAnswered(problems, { audit: false, mode: 'manual' })).toBe(problems);
  });
});
