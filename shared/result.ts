import { z } from 'zod';

/**
 * The closed set of error codes that may cross a process boundary (IPC, the harness socket, CLI output).
 * Adding a code is a contract change: the renderer maps every code to plain-language copy.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // the caller's input failed validation
  'FORBIDDEN', // untrusted sender, or the identity lacks a privilege
  'NOT_CONNECTED', // no signed-in session for this operation
  'AUTH_REQUIRED', // the session can no longer refresh; sign in again
  'AUTH_FAILED', // sign-in was refused (wrong secret, consent denied, state mismatch…)
  'NOT_FOUND',
  'CONFLICT', // something already exists and is not ours
  'CANCELLED',
  'TIMEOUT',
  'NETWORK', // unreachable host, reset connection, TLS failure
  'RATE_LIMITED', // retries exhausted on 429
  'UNAVAILABLE', // retries exhausted on 503 / warehouse not running
  'SQL_ERROR', // a statement failed; the message carries the error class and SQLSTATE
  'STORAGE', // local state could not be read or written
  'INSECURE_STORAGE', // no OS keychain: secrets are kept for this session only
  'UNSUPPORTED',
  'INTERNAL', // a bug: the details are in the log, never in the message
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  hint: z.string().optional(),
});

/** A plain-data error, safe to show and to send across IPC: never a stack, never a secret. */
export type AppError = z.infer<typeof AppErrorSchema>;

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string, hint?: string): Err => ({
  ok: false,
  error: hint === undefined ? { code, message } : { code, message, hint },
});

/** The envelope schema for a channel whose value is described by `value`. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/** Thrown inside main-process services to carry an AppError up to the gateway, which turns it back into a value. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

export const fail = (code: ErrorCode, message: string, hint?: string): never => {
  throw new AppFailure(hint === undefined ? { code, message } : { code, message, hint });
};
