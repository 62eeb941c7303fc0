import { describe, expect, it } from 'vitest';
import { exemptCondition, groupsLiteral, isExempt, maskedExpression, uniqueGroups } from './function-sql';
import { functionName, ownedComment } from './names';

/** The pieces of the mask and filter functions that preview and the compiler share. */
describe('who is exempt from a mask', () => {
  it('is exempt only when in some group of every policy that masks the column (TypeScript and SQL agree)', () => {
    expect(isExempt([['gov'], ['audit']], ['gov'])).toBe(false);
    expect(isExempt([['gov'], ['audit']], ['audit', 'gov'])).toBe(true);
    expect(isExempt([['gov', 'audit']], ['audit'])).toBe(true);
    expect(exemptCondition([['gov'], ['audit']], 'g')).toBe("(array_contains(g, 'gov')) AND (array_contains(g, 'audit'))");
  });

  it('is nobody when no policy masks the column or one of them exempts nobody (the value stays masked)', () => {
    expect(isExempt([], ['gov'])).toBe(false);
    expect(exemptCondition([], 'g')).toBeNull();
    expect(exemptCondition([['gov'], []], 'g')).toBeNull();
  });

  it('lists each group once, as first written (array_contains compares the spelling)', () => {
    expect(uniqueGroups([['Gov'], ['gov', 'audit'], ['AUDIT']])).toEqual(['Gov', 'audit']);
  });

  it('writes a principal\'s groups as a typed array literal, also when there are none', () => {
    expect(groupsLiteral([])).toBe('CAST(array() AS ARRAY<STRING>)');
    expect(groupsLiteral(['a', "o'b"])).toBe("array('a', 'o\\'b')");
  });

  it('refuses a mask method it does not know rather than writing an empty mask', () => {
    expect(() => maskedExpression('scramble' as never, 'STRING')).toThrow();
  });
});

describe('function names and comments', () => {
  it('derive a readable, valid name from the column: runs of other characters become one underscore, none at the ends', () => {
    expect(functionName('mask', ['main', 'sales', 'my  odd--col!'], 'STRING')).toMatch(/^mask_main_sales_my_odd_col_[0-9a-f]{8}$/);
    expect(functionName('mask', ['_Main', 'sales', 'x!'], 'STRING')).toMatch(/^mask_main_sales_x_[0-9a-f]{8}$/);
    expect(functionName('mask', ['main', '_sales', 'c_'], 'STRING')).toMatch(/^mask_main_sales_c_[0-9a-f]{8}$/);
  });

  it('give another name to another kind, object or signature', () => {
    const base = functionName('mask', ['main', 'sales', 'c'], 'STRING');
    expect(functionName('mask', ['main', 'sales', 'c'], 'INT')).not.toBe(base);
    expect(functionName('mask', ['main', 'sales', 'C'], 'STRING')).not.toBe(base);
    expect(functionName('mask', ['main', 'sales', 'c'], 'STRING')).toBe(base);
  });

  it('mark what ucbridge made with the policies\' names and a hash of the definition', () => {
    expect(ownedComment(['a', 'b'], 'def')).toMatch(/^ucbridge policy a, b #[0-9a-f]{16}$/);
    expect(ownedComment(['a'], 'def')).not.toBe(ownedComment(['a'], 'def2'));
  });
});
