import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc';

describe('parseJsonc', () => {
  it('reads JSON with line and block comments, anywhere whitespace may be', () => {
    const text = '// the config\n{\n  /* the catalog */ "catalog": "ucbridge", // trailing\n  "url": "https://x//y", "list": [1, -2.5e3 /* c */, true, null]\n}\n';
    expect(parseJsonc(text)).toEqual({ ok: true, value: { catalog: 'ucbridge', url: 'https://x//y', list: [1, -2500, true, null] } });
    expect(parseJsonc('\ufeff{"a":"/* not a comment */"}')).toEqual({ ok: true, value: { a: '/* not a comment */' } });
  });

  it('keeps __proto__ as a plain key, as JSON.parse does', () => {
    const r = parseJsonc('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports the line and column of the first error, and nothing else', () => {
    expect(parseJsonc('{ "catalog": ')).toEqual({ ok: false, line: 1, column: 14 });
    expect(parseJsonc('{\n  "a": 1,\n}')).toEqual({ ok: false, line: 3, column: 1 });
    expect(parseJsonc('{\n  "a": \'x\'\n}')).toEqual({ ok: false, line: 2, column: 8 });
    expect(parseJsonc('dapi0123456789abcdef')).toEqual({ ok: false, line: 1, column: 1 });
    expect(parseJsonc('{"a": "line\nbreak"}')).toEqual({ ok: false, line: 1, column: 12 });
    expect(parseJsonc('{"a": "\\x"}')).toEqual({ ok: false, line: 1, column: 9 });
    expect(parseJsonc('{} /* open')).toEqual({ ok: false, line: 1, column: 4 });
    expect(parseJsonc('{} {}')).toEqual({ ok: false, line: 1, column: 4 });
    expect(parseJsonc('')).toEqual({ ok: false, line: 1, column: 1 });
    expect(parseJsonc('[01]')).toEqual({ ok: false, line: 1, column: 3 });
  });

  it('agrees with JSON.parse on every JSON document', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonc(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
    );
  });

  it('accepts exactly what JSON.parse accepts when there are no comments', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 't', 'r', 'u', 'n', 'l', ' ', '\\', 'a') }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseJsonc(text).ok).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
