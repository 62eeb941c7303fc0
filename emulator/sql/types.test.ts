import { describe, expect, it } from 'vitest';
import { dataTypeName, normalizeTypeText, parseTypeText, restTypeName, toDuckType, typeAttributes } from './types';

describe('Databricks data types', () => {
  it('normalizes spellings and aliases to full_data_type text', () => {
    expect(normalizeTypeText('INTEGER')).toBe('int');
    expect(normalizeTypeText('Decimal( 10 , 2 )')).toBe('decimal(10,2)');
    expect(normalizeTypeText('ARRAY< STRUCT<a: STRING, `b c` LONG> >')).toBe('array<struct<a:string,b c:bigint>>');
    expect(normalizeTypeText('map<string, array<int>>')).toBe('map<string,array<int>>');
    expect(() => parseTypeText('notatype')).toThrow(/PARSE_SYNTAX_ERROR|Syntax/);
  });

  it('maps to DuckDB storage, REST type names and information_schema attributes', () => {
    expect(toDuckType(parseTypeText('map<string,array<int>>'))).toBe('MAP(VARCHAR, INTEGER[])');
    expect(toDuckType(parseTypeText('struct<a:int>'))).toBe('STRUCT("a" INTEGER)');
    expect(restTypeName(parseTypeText('bigint'))).toBe('LONG');
    expect(dataTypeName(parseTypeText('decimal(5,1)'))).toBe('DECIMAL');
    expect(typeAttributes(parseTypeText('decimal(5,1)'))).toMatchObject({ numericPrecision: 5, numericScale: 1, numericRadix: 10 });
    expect(typeAttributes(parseTypeText('timestamp'))).toMatchObject({ datetimePrecision: 6 });
  });
});
