import { AppFailure, type AppError, type ErrorCode } from '../../../shared/result';
import type { Clock } from '../../ports';

/**
 * The one retry policy for every request to Databricks: REST calls (the HTTP client), SQL statements and reads
 * (the SQL session), the driver's own Thrift retries (close calls, status polls) and the steps of an apply.
 *
 * Databricks answers 429 (with `Retry-After`) when rate limited and 503 when a service is briefly unavailable (REST
 * API docs, "Rate limits": https://docs.databricks.com/en/resources/limits.html#api-rate-limits); both mean the
 * request was not processed, so retrying is safe even for a POST. `Retry-After` is honoured, seconds or HTTP date,
 * capped at `maxRetryAfterMs` (a server asking for an hour gets the cap, not an hour). Without one, the backoff is
 * exponential with "equal jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter"): half the step fixed,
 * half random, so many workers hitting the same 429 spread out and no wait is ever near zero. Everything is
 * bounded: a number of attempts, a longest backoff, a longest Retry-After.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** First backoff step, doubled each retry up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest Retry-After honoured: a longer one is waited for this long. */
  readonly maxRetryAfterMs: number;
}

/**
 * Ten attempts: at a 40% fault rate (the sandbox's `rate429=0.3,rate503=0.1`) one request fails all of them about
 * once in 10,000, so a plan or an apply of a few dozen requests finishes in one run; the Databricks SDKs bound
 * retries by time instead (five minutes), which is longer than the ~40 s the backoff below can add up to.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 10,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

/** Options as callers give them (tests pass small delays and a fixed random). */
export interface RetryOptions extends Partial<RetryPolicy> {
  /** A number in [0, 1). */
  readonly random?: () => number;
}

export function retryPolicy(o: Partial<RetryPolicy> = {}): RetryPolicy {
  return Object.freeze({
    maxAttempts: Math.max(1, Math.floor(o.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts)),
    baseDelayMs: Math.max(0, o.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: Math.max(0, o.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs),
    maxRetryAfterMs: Math.max(0, o.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs),
  });
}

export const isRetryableStatus = (status: number): boolean => status === 429 || status === 503;

/** `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (/^\d{1,7}$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry), or `undefined` to give up. With a
 * Retry-After the wait is that long (capped), plus a little jitter so that many clients do not return at once.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (retry >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs) + Math.floor(random() * policy.baseDelayMs);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(step / 2 + random() * (step / 2));
}

/** A failure that may pass if tried again, with the wait the server asked for (its Retry-After), if any. */
export class TransientFailure extends AppFailure {
  constructor(
    error: AppError,
    readonly retryAfterMs?: number,
  ) {
    super(error);
  }
}

/**
 * Failures worth another attempt: rate limited, unavailable, a dropped or unreachable connection, a timeout. A
 * statement the warehouse refused (SQL_ERROR), a missing privilege or a session that must sign in again would fail
 * the same way, so they never are.
 */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED', 'UNAVAILABLE', 'NETWORK', 'TIMEOUT']);

export const isRetryable = (e: unknown): boolean => e instanceof AppFailure && RETRYABLE.has(e.error.code);

/** The wait a failure's server asked for (its Retry-After), if it said. */
export const retryAfterOf = (e: unknown): number | undefined => (e instanceof TransientFailure ? e.retryAfterMs : undefined);

/**
 * Runs `attempt` until it succeeds, fails with something not retryable, or runs out of attempts; the last error
 * is thrown. `onRetry` hears each retry before its wait. A cancel during a wait rejects with the signal's reason.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  clock: Clock,
  signal: AbortSignal | undefined,
  attempt: (n: number) => Promise<T>,
  onRetry: (n: number, error: unknown, delayMs: number) => void = () => undefined,
  random: () => number = Math.random,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      const delay = signal?.aborted || !isRetryable(e) ? undefined : retryDelay(n, retryAfterOf(e), policy, random);
      if (delay === undefined) throw e;
      onRetry(n, e, delay);
      await clock.sleep(delay, signal);
    }
  }
}
