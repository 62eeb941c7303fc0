import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarnessServerMessageSchema } from './harness-protocol';
import { readHarnessServerMessage } from './harness-server-message';

const bySchema = (value: unknown) => {
  const parsed = HarnessServerMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Near-valid messages of both kinds: each key present or not, with the right type or another JSON value. */
const anyCandidate = fc.record(
  {
    type: fc.oneof(fc.constantFrom('result', 'event', 'invoke', ''), fc.jsonValue()),
    id: fc.oneof(fc.integer({ min: -5, max: 2 ** 31 }), fc.constantFrom(-0, 0.5, 2 ** 53 - 1, 2 ** 53, -1), fc.double(), fc.jsonValue()),
    result: fc.jsonValue(),
    name: fc.oneof(fc.string(), fc.jsonValue()),
    payload: fc.jsonValue(),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('readHarnessServerMessage', () => {
  it('gives what HarnessServerMessageSchema gives, unknown keys dropped, on near-valid messages and on any JSON value', () => {
    fc.assert(fc.property(fc.oneof(anyCandidate, fc.jsonValue()), (value) => {
      expect(readHarnessServerMessage(value)).toStrictEqual(bySchema(value));
    }), { numRuns: 1500 });
  });

  it('reads a result and an event, and refuses a negative or fractional id and a result or payload key left out', () => {
    expect(readHarnessServerMessage({ type: 'result', id: 3, result: { ok: true }, x: 1 })).toStrictEqual({ type: 'result', id: 3, result: { ok: true } });
    expect(readHarnessServerMessage({ type: 'event', name: 'task.progress', payload: null })).toStrictEqual({ type: 'event', name: 'task.progress', payload: null });
    expect(readHarnessServerMessage({ type: 'result', id: -1, result: 1 })).toBeUndefined();
    expect(readHarnessServerMessage({ type: 'result', id: 1.5, result: 1 })).toBeUndefined();
    expect(readHarnessServerMessage({ type: 'result', id: 1 })).toBeUndefined();
    expect(readHarnessServerMessage({ type: 'event', name: 'x' })).toBeUndefined();
    expect(readHarnessServerMessage({ type: 'invoke', id: 1, channel: 'x', input: {} })).toBeUndefined();
  });
});
