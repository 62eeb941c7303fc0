import type { AppError } from './app-error';
import { ERROR_CODES } from './error-codes';

/*
 * AppErrorSchema's check (app-error.ts) without zod, for the renderer's way to its first screen: importing any zod
 * schema there brings zod's core (about 70 KB minified) into the scripts that must compile before anything shows
 * (bench/renderer-size.ts). app-error-reader.test.ts holds it equal to the schema on every JSON value — what the
 * harness socket's JSON.parse and Electron's structured clone can deliver — so the contract stays the schema's.
 */

const CODES: ReadonlySet<unknown> = new Set<unknown>(ERROR_CODES);

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The error as AppErrorSchema.safeParse would give it (unknown keys dropped), or undefined where it fails. */
export function readAppError(value: unknown): AppError | undefined {
  if (!isObject(value) || !CODES.has(value.code) || typeof value.message !== 'string') return undefined;
  const error = { code: value.code as AppError['code'], message: value.message };
  if (!('hint' in value)) return error;
  const { hint } = value;
  // An optional key given as undefined stays, as zod keeps it.
  return hint === undefined || typeof hint === 'string' ? { ...error, hint } : undefined;
}
