import { describe, expect, it } from 'vitest';
import { isStringType, maskableType } from './column-types';

/** The type goes into SQL unquoted: only scalar keywords with numeric arguments, in one spelling. */
describe('column types', () => {
  it('writes scalar types upper-case, trimmed, without spaces around commas', () => {
    expect(maskableType(' decimal(10 , 2) ')).toBe('DECIMAL(10,2)');
    expect(maskableType('decimal(10,  2)')).toBe('DECIMAL(10,2)');
    expect(maskableType('decimal(10 ,2)')).toBe('DECIMAL(10,2)');
    expect(maskableType('varchar(20)')).toBe('VARCHAR(20)');
    expect(maskableType('timestamp_ntz')).toBe('TIMESTAMP_NTZ');
  });

  it('refuses complex types and anything that is not a keyword', () => {
    for (const t of ['struct<a:int>', 'array<string>', 'map<string,int>', 'variant', 'string; DROP TABLE x', 'decimal(100,2)']) expect(maskableType(t)).toBeUndefined();
  });

  it('tells text types, with any length, from the rest', () => {
    for (const t of ['STRING', 'VARCHAR(1)', 'VARCHAR(255)', 'CHAR(3)', 'CHAR(12)']) expect(isStringType(t)).toBe(true);
    for (const t of ['XSTRING', 'STRINGS', 'VARCHAR(ab)', 'CHAR(x)', 'VARCHAR()', 'INT']) expect(isStringType(t)).toBe(false);
  });
});
