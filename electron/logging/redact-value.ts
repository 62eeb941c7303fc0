import { AppFailure } from '../../shared/result';
import { REDACTED, redactText } from './redact-text';
import { mustRedact } from './secret-keys';

const MAX_DEPTH = 8;
const MAX_ITEMS = 200;

/**
 * A JSON-safe, redacted copy of anything a caller may put in a log field: nested objects and arrays, Errors
 * (message, stack, cause and own properties such as an HTTP client's `config.headers`), URLs, Headers, Maps,
 * Sets and bytes. Values under secret-looking keys are replaced whatever they contain; every string is scanned.
 */
export function redactValue(value: unknown): unknown {
  return walk(value, 0, new WeakSet<object>());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
    case 'symbol':
      return value.toString();
    case 'function':
      return '[Function]';
    case 'object':
      if (value === null) return null;
      if (seen.has(value)) return '[Circular]';
      if (depth >= MAX_DEPTH) return '[Truncated]';
      seen.add(value);
      try {
        return walkObject(value, depth + 1, seen);
      } finally {
        seen.delete(value);
      }
  }
}

function walkObject(value: object, depth: number, seen: WeakSet<object>): unknown {
  // Raw bytes may be an encrypted or plain secret; their length is all a log needs.
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof URL) return redactText(value.href);
  if (value instanceof Error) return walkError(value, depth, seen);
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => walk(v, depth, seen));
  if (value instanceof Set) return [...value].slice(0, MAX_ITEMS).map((v) => walk(v, depth, seen));
  if (value instanceof Map || value instanceof Headers) return walkEntries(value.entries(), depth, seen);
  return walkEntries(Object.entries(value), depth, seen);
}

function walkEntries(entries: Iterable<[unknown, unknown]>, depth: number, seen: WeakSet<object>): unknown {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const [k, v] of entries) {
    if (count++ >= MAX_ITEMS) break;
    const key = redactText(String(k));
    out[key] = field(key, v, depth, seen);
  }
  return out;
}

function field(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined || value === '') return value;
  return mustRedact(key, value) ? REDACTED : walk(value, depth, seen);
}

function walkError(error: Error, depth: number, seen: WeakSet<object>): unknown {
  const out: Record<string, unknown> = {
    name: error.name,
    message: redactText(error.message),
  };
  if (error instanceof AppFailure) out.code = error.error.code;
  if (error.stack !== undefined) out.stack = redactText(error.stack);
  if (error.cause !== undefined) out.cause = walk(error.cause, depth, seen);
  for (const [k, v] of Object.entries(error)) {
    if (!(k in out) && k !== 'error') out[k] = field(k, v, depth, seen);
  }
  return out;
}
