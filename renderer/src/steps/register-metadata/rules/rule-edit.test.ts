import { describe, expect, it } from 'vitest';
import { parsePattern, patternMatches } from '../../../../../shared/metadata/name-pattern';
import { NO_SELECTION } from '../../../../../shared/metadata/selection-rules';
import { addPattern, addTagRule, listsHolding, parseTagRule, patternFor, patternProblem, removePattern, removeTagRule, sameRules, tagRuleText } from './rule-edit';

describe('patternFor', () => {
  it('names the object itself: plain parts as they are', () => {
    expect(patternFor(['main'])).toBe('main');
    expect(patternFor(['main', 'sales', 'orders'])).toBe('main.sales.orders');
    expect(patternFor(['main', 'sales', 'orders', 'email'])).toBe('main.sales.orders');
  });

  it('backticks a part holding a dot, a star or a backtick, and the pattern takes exactly that object', () => {
    const path = ['we.ird', 'st*r', 'back`tick'];
    const text = patternFor(path);
    expect(text).toBe('`we.ird`.`st*r`.`back``tick`');
    const p = parsePattern(text);
    if (typeof p === 'string') throw new Error(p);
    expect(patternMatches(p, path)).toBe(true);
    expect(patternMatches(p, ['we.ird', 'stXr', 'back`tick'])).toBe(false);
  });
});

describe('pattern lists', () => {
  it('adding to one list takes the same pattern (any case) out of its opposite, and never doubles it', () => {
    let r = addPattern(NO_SELECTION, 'exclude', 'main.hr');
    r = addPattern(r, 'include', 'MAIN.HR');
    r = addPattern(r, 'include', 'main.hr');
    expect(r.include).toEqual(['MAIN.HR']);
    expect(r.exclude).toEqual([]);
    r = addPattern(r, 'deactivate', 'main.hr');
    r = addPattern(r, 'activate', ' main.hr ');
    expect(r.activate).toEqual(['main.hr']);
    expect(r.deactivate).toEqual([]);
    expect([...listsHolding(r, 'main.hr')].sort()).toEqual(['activate', 'include']);
    expect(removePattern(r, 'include', 'main.hr').include).toEqual([]);
    expect(NO_SELECTION.include).toEqual([]);
  });

  it('says what is wrong with a typed pattern', () => {
    expect(patternProblem('main.sales.*')).toBeUndefined();
    expect(patternProblem('')).toMatch(/empty/);
    expect(patternProblem('a.b.c.d')).toMatch(/at most 3 parts/);
  });
});

describe('tag rules', () => {
  it('reads key or key=value', () => {
    expect(parseTagRule(' pii ')).toEqual({ key: 'pii' });
    expect(parseTagRule('class = restricted')).toEqual({ key: 'class', value: 'restricted' });
    expect(parseTagRule('class=')).toEqual({ key: 'class', value: '' });
    expect(parseTagRule('=x')).toMatch(/tag key/);
    expect(tagRuleText({ key: 'class', value: 'restricted' })).toBe('class=restricted');
  });

  it('include and exclude of the same tag exclude each other; key-only and key=value are different rules', () => {
    let r = addTagRule(NO_SELECTION, 'includeTags', { key: 'pii' });
    r = addTagRule(r, 'includeTags', { key: 'pii', value: 'email' });
    r = addTagRule(r, 'excludeTags', { key: 'PII' });
    expect(r.includeTags).toEqual([{ key: 'pii', value: 'email' }]);
    expect(r.excludeTags).toEqual([{ key: 'PII' }]);
    expect(removeTagRule(r, 'excludeTags', { key: 'pii' }).excludeTags).toEqual([]);
  });
});

describe('sameRules', () => {
  it('sees the draft as unchanged only when every list and setting matches', () => {
    const a = addPattern(NO_SELECTION, 'include', 'main');
    expect(sameRules(a, addPattern(NO_SELECTION, 'include', 'MAIN'))).toBe(true);
    expect(sameRules(a, NO_SELECTION)).toBe(false);
    expect(sameRules(a, { ...a, defaultActive: true })).toBe(false);
    expect(sameRules(a, { ...a, forceRecursiveCrawl: false })).toBe(false);
    expect(sameRules(a, addTagRule(a, 'excludeTags', { key: 'x' }))).toBe(false);
  });
});
