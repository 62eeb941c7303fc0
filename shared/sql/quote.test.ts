import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../result';
import { quoteIdent, quoteLiteral, quoteName, quoteNullableLiteral, securableNameProblem } from './quote';
import { unquoteIdent, unquoteLiteral } from './unquote';
import { isUnsafeChar } from '../text/escape-control';

const anyName = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\u0000'));

describe('quoteIdent', () => {
  it('wraps in backticks and doubles backticks inside', () => {
    expect(quoteIdent('a`b')).toBe('`a``b`');
    expect(quoteIdent('weird name.with-dots')).toBe('`weird name.with-dots`');
    expect(quoteIdent('José Núñez')).toBe('`José Núñez`');
  });

  it('round-trips any string as an identifier', () => {
    fc.assert(fc.property(anyName, (name) => unquoteIdent(quoteIdent(name)) === name), { numRuns: 2000 });
  });

  it('never lets a name end the identifier early', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const quoted = quoteIdent(name);
        // Outside the doubled pairs, the only backticks are the two delimiters.
        return quoted.slice(1, -1).replaceAll('``', '').includes('`') === false;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses empty names and NUL', () => {
    expect(() => quoteIdent('')).toThrow(AppFailure);
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
  });
});

describe('quoteName', () => {
  it('quotes each part separately', () => {
    expect(quoteName('main', 'sales', 'o`rders')).toBe('`main`.`sales`.`o``rders`');
    expect(quoteName('a.b')).toBe('`a.b`');
  });
  it('needs at least one part', () => {
    expect(() => quoteName()).toThrow(AppFailure);
  });
});

describe('quoteLiteral', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(quoteLiteral("O'Brien")).toBe("'O\\'Brien'");
    expect(quoteLiteral('C:\\temp')).toBe("'C:\\\\temp'");
    expect(quoteLiteral('line1\nline2')).toBe("'line1\\nline2'");
    expect(quoteLiteral('\u0001')).toBe("'\\u0001'");
    expect(quoteNullableLiteral(null)).toBe('NULL');
  });

  it('escapes C1 controls and bidirectional formatting characters too, so a script shows what it does', () => {
    expect(quoteLiteral('pay‮gnp.exe⁦')).toBe("'pay\\u202egnp.exe\\u0085\\u2066'");
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => ![...quoteLiteral(s)].some(isUnsafeChar)),
      { numRuns: 2000 },
    );
  });

  it('round-trips any string as a literal', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unquoteLiteral(quoteLiteral(s)) === s), {
      numRuns: 2000,
    });
  });

  it('keeps every literal on one line with no unescaped quote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const body = quoteLiteral(s).slice(1, -1);
        return !/[\n\r]/.test(body) && !/(^|[^\\])(\\\\)*'/.test(body);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('securableNameProblem', () => {
  it('accepts ordinary and unicode names', () => {
    expect(securableNameProblem('ucbridge')).toBeUndefined();
    expect(securableNameProblem('données_rh')).toBeUndefined();
    expect(securableNameProblem('a-b`c')).toBeUndefined();
  });
  it('refuses what Unity Catalog refuses, with a reason', () => {
    expect(securableNameProblem('')).toMatch(/empty/);
    expect(securableNameProblem('a.b')).toMatch(/"\."/);
    expect(securableNameProblem('a b')).toMatch(/space/);
    expect(securableNameProblem('a/b')).toMatch(/"\/"/);
    expect(securableNameProblem('a\tb')).toMatch(/control/);
    expect(securableNameProblem('x'.repeat(256))).toMatch(/255/);
    expect(securableNameProblem('x'.repeat(255))).toBeUndefined();
  });
});

describe('exact refusals (what the user reads)', () => {
  const tail = '; Unity Catalog names cannot contain periods, spaces, slashes or control characters.';
  it('names the character a securable name cannot hold', () => {
    expect(securableNameProblem('a b')).toBe(`The name contains a space${tail}`);
    expect(securableNameProblem('a\u001fb')).toBe(`The name contains a control character${tail}`);
    expect(securableNameProblem('a\u007fb')).toBe(`The name contains a control character${tail}`);
    expect(securableNameProblem('a/b')).toBe(`The name contains "/"${tail}`);
    expect(securableNameProblem('a!b')).toBeUndefined();
  });

  it('says why a name or a qualified name is refused', () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppFailure ? e.error : undefined;
      }
      return undefined;
    };
    expect(message(() => quoteIdent(''))).toEqual({ code: 'BAD_REQUEST', message: 'A name cannot be empty.' });
    expect(message(() => quoteName())).toEqual({ code: 'BAD_REQUEST', message: 'A qualified name needs at least one part.' });
  });

  it('NULL only for null; the text "NULL" is a literal', () => {
    expect(quoteNullableLiteral(null)).toBe('NULL');
    expect(quoteNullableLiteral('NULL')).toBe("'NULL'");
    expect(quoteNullableLiteral('')).toBe("''");
  });
});

describe('unquote reads exactly the quoted forms', () => {
  it.each(['', '`', 'a', '`a', 'a`', '`a`b`', '`a`` ', ' `a`', "'a'"])('not an identifier: %j', (text) => {
    expect(unquoteIdent(text)).toBeUndefined();
  });
  it('reads an identifier, doubled backticks as one', () => {
    expect(unquoteIdent('``')).toBe('');
    expect(unquoteIdent('`a``b`')).toBe('a`b');
  });
  it.each(["", "'", 'a', "'a", "a'", "'a'b'", "'a\\'", "'\\u12'", "'\\u12g4'", "'\\'", '"a"', "x'a'", "'a'x"])('not a literal: %j', (text) => {
    expect(unquoteLiteral(text)).toBeUndefined();
  });
  it('reads a literal with its escapes', () => {
    expect(unquoteLiteral("''")).toBe('');
    expect(unquoteLiteral("'a\\'b\\\\c\\n\\u00e9'")).toBe("a'b\\c\né");
    expect(unquoteLiteral("'\\u0041BC'")).toBe('ABC');
    expect(unquoteLiteral("'\\q'")).toBe('q');
  });
});
