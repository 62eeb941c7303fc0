import { describe, expect, it } from 'vitest';
import { filterSuggestions, moveActive } from './combobox-state';

const s = (...values: string[]) => values.map((value) => ({ value }));

describe('filterSuggestions', () => {
  it('shows everything for an empty text, and what contains the text otherwise, prefix matches first', () => {
    expect(filterSuggestions(s('main', 'finance', 'hr'), '').shown.map((x) => x.value)).toEqual(['main', 'finance', 'hr']);
    expect(filterSuggestions(s('sales_fin', 'finance', 'hr'), 'FIN').shown.map((x) => x.value)).toEqual(['finance', 'sales_fin']);
  });

  it('keeps the list short and says how many were left out', () => {
    const many = s(...Array.from({ length: 120 }, (_, i) => `cat_${i}`));
    expect(filterSuggestions(many, 'cat', 50)).toMatchObject({ hidden: 70 });
    expect(filterSuggestions(many, 'cat', 50).shown).toHaveLength(50);
  });
});

describe('moveActive', () => {
  it('wraps at both ends and starts from the first or last option', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 30, 'PageDown')).toBe(11);
    expect(moveActive(1, 30, 'PageUp')).toBe(0);
  });

  it('has nothing to highlight in an empty list', () => {
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});
