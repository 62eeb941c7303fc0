import type { AppError, ErrorCode, Result } from '../../../shared/result';

/**
 * A channel answered `{ok:false}`. Thrown by the query and mutation hooks so TanStack Query treats it as an error;
 * it carries only the plain-data envelope (never a stack from main), plus the channel that answered.
 */
export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly channel: string;

  constructor(channel: string, error: AppError) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
    this.hint = error.hint;
    this.channel = channel;
  }

  toAppError(): AppError {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Anything a hook may reject with, as an AppError the views can show. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ClientError) return error.toAppError();
  return {
    code: 'INTERNAL',
    message: 'Something went wrong in the ucbridge window.',
    hint: 'Try again. If it keeps happening, copy the details and report them.',
  };
}

export function unwrap<T>(channel: string, result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ClientError(channel, result.error);
}
