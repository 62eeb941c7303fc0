import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral } from '../../../shared/sql/quote';
import { tokenize } from './lexer';

const values = (sql: string) => tokenize(sql).slice(0, -1).map((t) => [t.kind, t.value]);

describe('Databricks SQL tokens', () => {
  it('reads backtick identifiers with doubled backticks (R19)', () => {
    expect(values('SELECT 5 AS `a``b`')).toEqual([['word', 'SELECT'], ['number', '5'], ['word', 'AS'], ['quoted', 'a`b']]);
  });

  it('reads string literals with Spark escapes, raw strings and both quote styles', () => {
    expect(values(String.raw`'it\'s' "dq" r'C:\tmp' '\u00e9\n' '\101'`)).toEqual([
      ['string', "it's"], ['string', 'dq'], ['string', String.raw`C:\tmp`], ['string', 'é\n'], ['string', 'A'],
    ]);
  });

  it('reads numbers with type suffixes, parameters, operators and skips comments', () => {
    expect(values('1 2.5 10L 3BD -- note\n x /* block */ = :p AND y <=> ?')).toEqual([
      ['number', '1'], ['number', '2.5'], ['number', '10L'], ['number', '3BD'], ['word', 'x'], ['op', '='], ['param', 'p'],
      ['word', 'AND'], ['word', 'y'], ['op', '<=>'], ['param', ''],
    ]);
  });

  it('round-trips every identifier and literal the shared quoting module writes', () => {
    const text = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\u0000'));
    fc.assert(fc.property(text, (s) => {
      const [ident] = tokenize(quoteIdent(s));
      const [literal] = tokenize(quoteLiteral(s));
      return ident!.kind === 'quoted' && ident!.value === s && literal!.kind === 'string' && literal!.value === s;
    }), { numRuns: 1000 });
  });

  it('refuses unterminated quotes and comments with a parse error', () => {
    for (const bad of ["'open", '`open', '/* open', 'a ^^ §']) expect(() => tokenize(bad)).toThrow(/PARSE_SYNTAX_ERROR|Syntax error/);
  });
});
