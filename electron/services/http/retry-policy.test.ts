import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

describe('retry policy', () => {
  it('retries 429 and 503 only', () => {
    expect([429, 503].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 500, 501, 502].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores anything else', () => {
    const now = Date.parse('Sun, 06 Nov 1994 08:49:30 GMT');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:00 GMT', now)).toBe(0);
    for (const junk of [undefined, '', '-1', '1.5', 'soon', '99999999999', 'Sun, 06 Nov 1994']) expect(parseRetryAfter(junk, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(retryDelay(1, undefined, policy, () => 0.999)).toBe(99);
    expect(retryDelay(2, undefined, policy, () => 0.999)).toBe(199);
    expect(retryDelay(3, undefined, policy, () => 0.999)).toBe(399);
    expect(retryDelay(3, undefined, { ...policy, maxDelayMs: 150 }, () => 0.999)).toBe(149);
    expect(retryDelay(1, undefined, policy, () => 0)).toBe(0);
  });

  it('waits at least Retry-After, plus jitter below one base delay', () => {
    expect(retryDelay(1, 2000, policy, () => 0)).toBe(2000);
    expect(retryDelay(1, 2000, policy, () => 0.5)).toBe(2050);
  });

  it('gives up after the last attempt, or when asked to wait too long', () => {
    expect(retryDelay(4, undefined, policy)).toBeUndefined();
    expect(retryDelay(1, 5001, policy)).toBeUndefined();
  });

  it('is bounded for every attempt and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, r) => {
        const d = retryDelay(n, undefined, DEFAULT_RETRY_POLICY, () => r);
        if (n >= DEFAULT_RETRY_POLICY.maxAttempts) {
          expect(d).toBeUndefined();
        } else {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(DEFAULT_RETRY_POLICY.maxDelayMs);
        }
      }),
    );
  });
});
