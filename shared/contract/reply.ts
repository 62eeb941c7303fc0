import { readAppError } from '../app-error-reader';
import type { Result } from '../result';

/**
 * The reply envelope as the renderer side reads it, kept apart from the contract's schemas (index.ts) so the browser
 * harness can read replies without building every channel's schema first.
 */
const malformed: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'ucbridge received a malformed reply from its main process.' },
};

/** What a call answers when the transport itself failed (no reply at all). */
export const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'ucbridge could not reach its main process.' },
};

/** Checks the envelope's shape only; the value was parsed against the contract in main before it was sent. */
export function asResult(reply: unknown): Result<unknown> {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return malformed;
  if (reply.ok === true && 'value' in reply) return { ok: true, value: reply.value };
  if (reply.ok === false && 'error' in reply) {
    const error = readAppError(reply.error);
    return error ? { ok: false, error } : malformed;
  }
  return malformed;
}

/** Sends one call and reads its reply as a Result, whatever the transport does. */
export async function callChannel(invoke: (channel: string, input: unknown) => Promise<unknown>, name: string, input: unknown): Promise<Result<unknown>> {
  try {
    return asResult(await invoke(name, input ?? {}));
  } catch {
    return UNREACHABLE;
  }
}
