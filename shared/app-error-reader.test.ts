import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppErrorSchema } from './app-error';
import { readAppError } from './app-error-reader';
import { ERROR_CODES } from './error-codes';

/** What the schema makes of a value: its output, or undefined where it fails. */
const bySchema = (value: unknown) => {
  const parsed = AppErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Near-valid errors: each key present or not, with the right type or another JSON value. */
const anyCandidate = fc.record(
  {
    code: fc.oneof(fc.constantFrom(...ERROR_CODES), fc.constantFrom('toString', 'internal', ''), fc.jsonValue()),
    message: fc.oneof(fc.string(), fc.jsonValue()),
    hint: fc.oneof(fc.string(), fc.constant(undefined), fc.jsonValue()),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('readAppError', () => {
  it('gives what AppErrorSchema gives, unknown keys dropped, on near-valid errors and on any JSON value', () => {
    fc.assert(fc.property(fc.oneof(anyCandidate, fc.jsonValue()), (value) => {
      expect(readAppError(value)).toStrictEqual(bySchema(value));
    }), { numRuns: 1000 });
  });

  it('reads a full error and refuses an unknown code, a missing message and a non-string hint', () => {
    expect(readAppError({ code: 'NETWORK', message: 'm', hint: 'h', stack: 's' })).toStrictEqual({ code: 'NETWORK', message: 'm', hint: 'h' });
    expect(readAppError({ code: 'NETWORK', message: 'm' })).toStrictEqual({ code: 'NETWORK', message: 'm' });
    expect(readAppError({ code: 'toString', message: 'm' })).toBeUndefined();
    expect(readAppError({ code: 'NETWORK' })).toBeUndefined();
    expect(readAppError({ code: 'NETWORK', message: 'm', hint: 3 })).toBeUndefined();
    expect(readAppError([{ code: 'NETWORK', message: 'm' }])).toBeUndefined();
    expect(readAppError(null)).toBeUndefined();
  });
});
