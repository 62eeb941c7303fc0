import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountId } from './account-id';

describe('parseAccountId', () => {
  it('accepts a UUID, trimmed and lower-cased', () => {
    expect(parseAccountId('  0D26DAA6-5E44-4C97-A497-EF015F91254A ')).toEqual({ ok: true, value: '0d26daa6-5e44-4c97-a497-ef015f91254a' });
  });

  it.each(['', 'abc', '0d26daa6-5e44-4c97-a497-ef015f91254', '0d26daa6/5e44-4c97-a497-ef015f91254a', '../../etc', '0d26daa65e444c97a497ef015f91254a', '0d26daa6-5e44-4c97-a497-ef015f91254a\n'.repeat(2)])(
    'refuses %j with a message that shows the expected shape',
    (input) => {
      const r = parseAccountId(input);
      expect(r.ok).toBe(false);
    },
  );

  it('accepts exactly what fast-check calls a UUID, and nothing that could change a URL path', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(parseAccountId(id).ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseAccountId(s);
        if (r.ok) expect(r.value).toMatch(/^[0-9a-f-]{36}$/);
      }),
    );
  });
});
