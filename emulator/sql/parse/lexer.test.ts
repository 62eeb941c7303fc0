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

  it('reads back any sequence of tokens written with any spacing and comments between them', () => {
    // An oracle independent of the lexer: tokens are generated, written out, and must come back as they were.
    const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const number = fc.stringMatching(/^(\d{1,4}|\d{0,3}\.\d{1,3}|\d{1,3}[eE][+-]?\d{1,2})(L|BD|D)?$/);
    const token = fc.oneof(
      word.map((v) => ({ kind: 'word', value: v, text: v })),
      number.map((v) => ({ kind: 'number', value: v, text: v })),
      fc.string({ minLength: 1, maxLength: 12 }).map((v) => ({ kind: 'quoted', value: v, text: quoteIdent(v) })),
      fc.string({ maxLength: 12 }).filter((v) => !v.includes('\u0000')).map((v) => ({ kind: 'string', value: v, text: quoteLiteral(v) })),
      fc.stringMatching(/^[^'\n]{0,10}$/).map((v) => ({ kind: 'string', value: v, text: `r'${v}'` })),
      fc.constantFrom('<=>', '<=', '>=', '<>', '!=', '(', ')', ',', '=', '+', '*', '||').map((v) => ({ kind: 'op', value: v, text: v })),
      fc.constant({ kind: 'param', value: '', text: '?' }),
    );
    const gap = fc.constantFrom(' ', '\n', '\t ', ' -- note\n', ' /* c */ ', '\u00a0', '\r\n');
    fc.assert(fc.property(fc.array(fc.tuple(token, gap), { maxLength: 20 }), (parts) => {
      const sql = parts.map(([t, g]) => t.text + g).join('');
      expect(values(sql)).toEqual(parts.map(([t]) => [t.kind, t.value]));
    }), { numRuns: 2000 });
  });

  it('keeps each token\'s position, and an escaped quote or a trailing backslash inside a string', () => {
    const tokens = tokenize(String.raw`a  'x\'y' ` + "`b`");
    expect(tokens.map((t) => [t.kind, t.value, t.start, t.end])).toEqual([
      ['word', 'a', 0, 1], ['string', "x'y", 3, 9], ['quoted', 'b', 10, 13], ['eof', '', 13, 13],
    ]);
    expect(() => tokenize("'abc\\")).toThrow(/not closed/);
  });
});
