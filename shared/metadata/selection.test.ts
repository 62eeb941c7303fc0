import { describe, expect, it } from 'vitest';
import { parsePattern, patternMatches } from './name-pattern';
import { compileSelection, tagSet } from './selection';
import { SelectionRulesSchema } from './selection-rules';

const rules = (input: unknown) => SelectionRulesSchema.parse(input);

describe('name patterns', () => {
  it('match name parts with * inside a part, and take everything beneath', () => {
    const p = parsePattern('main.sales*.*');
    if (typeof p === 'string') throw new Error(p);
    expect(patternMatches(p, ['main', 'sales_eu', 'orders'])).toBe(true);
    expect(patternMatches(p, ['main', 'sales_eu', 'orders', 'id'])).toBe(true);
    expect(patternMatches(p, ['main', 'sales_eu'])).toBe(false);
    expect(patternMatches(p, ['MAIN', 'Sales', 'x'])).toBe(true);
    expect(patternMatches(p, ['main', 'hr', 'x'])).toBe(false);
  });

  it('take backticked parts literally, and refuse what is not a pattern', () => {
    const p = parsePattern('`we*ird.name`.`a``b`');
    if (typeof p === 'string') throw new Error(p);
    expect(patternMatches(p, ['we*ird.name', 'a`b'])).toBe(true);
    expect(patternMatches(p, ['weXird.name', 'a`b'])).toBe(false);
    expect(parsePattern('')).toBe('A pattern cannot be empty.');
    expect(parsePattern('a..b')).toMatch(/Empty name part/);
    expect(parsePattern('a.b.c.d')).toMatch(/at most 3 parts/);
    expect(parsePattern('`open')).toMatch(/Unclosed backtick/);
  });
});

describe('selection rules', () => {
  it('select tables by pattern or tag, exclusion winning', () => {
    const s = compileSelection(rules({ include: ['main.sales.*'], exclude: ['main.sales.tmp_*'], includeTags: [{ key: 'pii' }], excludeTags: [{ key: 'class', value: 'secret' }] }));
    expect(s.tableSelected(['main', 'sales', 'orders'], tagSet([]))).toBe(true);
    expect(s.tableSelected(['main', 'sales', 'tmp_x'], tagSet([]))).toBe(false);
    expect(s.tableSelected(['hr', 'people', 'x'], tagSet([{ key: 'PII', value: 'email' }]))).toBe(true);
    expect(s.tableSelected(['main', 'sales', 'orders'], tagSet([{ key: 'class', value: 'secret' }]))).toBe(false);
    expect(s.containerSelected(['main', 'sales'])).toBe(false);
    expect(compileSelection(rules({ include: ['main'] })).containerSelected(['main', 'sales'])).toBe(true);
  });

  it('start new objects inactive by default; the deepest activate or deactivate wins; children of inactive stay inactive', () => {
    const s = compileSelection(rules({ include: ['main'], activate: ['main'], deactivate: ['main.sales'] }));
    expect(s.effective(['main'], undefined)).toBe(true);
    expect(s.effective(['main', 'sales'], true)).toBe(false);
    expect(s.effective(['main', 'sales', 'orders'], false)).toBe(false);
    expect(s.effective(['main', 'hr'], true)).toBe(true);
    expect(compileSelection(rules({})).effective(['x'], undefined)).toBe(false);
  });

  it('without forceRecursiveCrawl, nothing under an inactive object is crawled', () => {
    const s = compileSelection(rules({ include: ['main'], forceRecursiveCrawl: false }));
    expect(s.effective(['main'], undefined)).toBe(false);
    expect(s.effective(['main', 'sales'], false)).toBeNull();
  });
});
