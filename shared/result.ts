import { z } from 'zod';
import { AppErrorSchema, type AppError, type ErrorCode } from './app-error';

export { AppErrorSchema, ERROR_CODES, ErrorCodeSchema, type AppError, type ErrorCode } from './app-error';
export { assertNever } from './assert-never';

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
