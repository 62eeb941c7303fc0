import type { HarnessServerMessage } from './harness-protocol';

/*
 * HarnessServerMessageSchema's check (harness-protocol.ts) without zod: the page reads every message from main with
 * it, the first render's replies included, and any zod schema there brings zod's core (about 70 KB minified) into
 * the scripts that must compile before anything shows (bench/renderer-size.ts). harness-server-message.test.ts
 * holds it equal to the schema on every JSON value (the socket's messages are JSON.parse'd), so the protocol stays
 * the schema's.
 */

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message as HarnessServerMessageSchema.safeParse would give it (unknown keys dropped), or undefined. */
export function readHarnessServerMessage(json: unknown): HarnessServerMessage | undefined {
  if (!isObject(json)) return undefined;
  if (json.type === 'result') {
    const { id } = json;
    // z.int(): a safe integer; nonnegative: ≥ 0. `result` is z.unknown(): any value, but the key must be there.
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0 || !('result' in json)) return undefined;
    return { type: 'result', id, result: json.result };
  }
  if (json.type === 'event') {
    if (typeof json.name !== 'string' || !('payload' in json)) return undefined;
    return { type: 'event', name: json.name, payload: json.payload };
  }
  return undefined;
}
