import { AppFailure, type ErrorCode } from '../../../../shared/result';
import type { Clock } from '../../../ports';

/**
 * Which failures a plan step may retry, and how long to wait. Every statement in a plan is idempotent, so running
 * one again after a transient failure is safe; a statement the warehouse refused (permission denied, bad syntax:
 * SQL_ERROR) would fail the same way again, so it is never retried. A dropped SQL connection reaches here as
 * NETWORK: the SQL executor reopens its session before the next attempt.
 */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED', 'UNAVAILABLE', 'NETWORK', 'TIMEOUT']);

export const isRetryable = (e: unknown): boolean => e instanceof AppFailure && RETRYABLE.has(e.error.code);

export interface RetryOptions {
  /** Attempts per step, the first included (default 5). */
  readonly maxAttempts?: number;
  /** First backoff (default 250 ms), doubled each attempt up to `maxDelayMs` (default 8 s). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** For tests: a number in [0, 1). */
  readonly random?: () => number;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Backoff before attempt `attempt + 1` (attempt counts from 1). */
  delayMs(attempt: number): number;
}

export function retryPolicy(o: RetryOptions = {}): RetryPolicy {
  const maxAttempts = Math.max(1, Math.floor(o.maxAttempts ?? 5));
  const base = o.baseDelayMs ?? 250;
  const max = o.maxDelayMs ?? 8000;
  const random = o.random ?? Math.random;
  return {
    maxAttempts,
    // "Equal jitter": half the exponential step is fixed, half random. Four workers hitting the same 429 then
    // spread out instead of retrying in lockstep, and no wait is ever near zero.
    delayMs(attempt) {
      const step = Math.min(max, base * 2 ** (attempt - 1));
      return step / 2 + random() * (step / 2);
    },
  };
}

/**
 * Runs `attempt` until it succeeds, fails with something not retryable, or runs out of attempts; the last error
 * is thrown. `onRetry` hears each retry before its backoff. A cancel during a backoff rejects with the reason.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  clock: Clock,
  signal: AbortSignal,
  attempt: (n: number) => Promise<T>,
  onRetry: (n: number, error: unknown, delayMs: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (signal.aborted || n >= policy.maxAttempts || !isRetryable(e)) throw e;
      const delay = policy.delayMs(n);
      onRetry(n, e, delay);
      await clock.sleep(delay, signal);
    }
  }
}
