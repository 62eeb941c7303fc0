import * as z from 'zod/mini';
import { ERROR_CODES } from './error-codes';

export { ERROR_CODES, type ErrorCode } from './error-codes';

/*
 * The contract's definition of an error. The renderer's first screen reads replies' errors with app-error-reader.ts
 * instead (no zod before the first render), which its test holds equal to this schema. zod/mini: mini schemas nest
 * in classic ones (resultSchema).
 */
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  hint: z.optional(z.string()),
});

/** A plain-data error, safe to show and to send across IPC: never a stack, never a secret. */
export type AppError = z.infer<typeof AppErrorSchema>;
