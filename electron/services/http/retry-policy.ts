/**
 * When to retry a Databricks request and how long to wait. Pure, so it is tested without a server or a clock.
 *
 * Databricks answers 429 (with `Retry-After` in seconds) when rate limited and 503 when a service is briefly
 * unavailable (REST API docs, "Rate limits"); both mean the request was not processed, so retrying is safe even
 * for a POST. Backoff is exponential with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"),
 * and everything is bounded: a number of attempts and a longest acceptable Retry-After.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A server asking for a longer wait than this is not waited for: the request fails at once. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
});

export const isRetryableStatus = (status: number): boolean => status === 429 || status === 503;

/** `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,7}$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry), or `undefined` to give up. With a
 * Retry-After the wait is at least that long, plus a little jitter so that many clients do not return at once.
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retry >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
    return retryAfterMs + Math.floor(random() * policy.baseDelayMs);
  }
  return Math.floor(random() * ceiling);
}
