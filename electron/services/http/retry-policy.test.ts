import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import type { Clock } from '../../ports';
import { DEFAULT_RETRY_POLICY, isRetryable, isRetryableStatus, parseRetryAfter, retryDelay, retryPolicy, TransientFailure, withRetry, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

/** Records each wait and returns at once. */
function recordingClock(): Clock & { readonly slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => Date.now(), sleep: async (ms) => void slept.push(ms) };
}

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
    for (const junk of [undefined, null, '', '-1', '1.5', 'soon', '99999999999', 'Sun, 06 Nov 1994']) expect(parseRetryAfter(junk, now)).toBeUndefined();
  });

  it('backs off exponentially with equal jitter (never near zero), capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, undefined, { ...policy, maxAttempts: 10 }, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, { ...policy, maxAttempts: 10 }, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelay(3, undefined, { ...policy, maxDelayMs: 150 }, () => 0.999)).toBe(149);
  });

  it('waits what Retry-After asks plus jitter below one base delay, capped at the longest Retry-After honoured', () => {
    expect(retryDelay(1, 2000, policy, () => 0)).toBe(2000);
    expect(retryDelay(1, 2000, policy, () => 0.5)).toBe(2050);
    expect(retryDelay(1, 3_600_000, policy, () => 0)).toBe(5000);
    expect(retryDelay(1, 3_600_000, DEFAULT_RETRY_POLICY, () => 0)).toBe(60_000);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelay(3, undefined, policy)).toBeDefined();
    expect(retryDelay(4, undefined, policy)).toBeUndefined();
    expect(retryDelay(4, 10, policy)).toBeUndefined();
  });

  it('fills what the caller leaves out from the default, and never allows fewer than one attempt', () => {
    expect(retryPolicy({ baseDelayMs: 5 })).toEqual({ ...DEFAULT_RETRY_POLICY, baseDelayMs: 5 });
    expect(retryPolicy({ maxAttempts: 0 }).maxAttempts).toBe(1);
  });

  it('is bounded for every attempt, Retry-After and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: undefined }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, after, r) => {
        const d = retryDelay(n, after, DEFAULT_RETRY_POLICY, () => r);
        if (n >= DEFAULT_RETRY_POLICY.maxAttempts) {
          expect(d).toBeUndefined();
        } else {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(after === undefined ? DEFAULT_RETRY_POLICY.maxDelayMs : DEFAULT_RETRY_POLICY.maxRetryAfterMs + DEFAULT_RETRY_POLICY.baseDelayMs);
        }
      }),
    );
  });
});

describe('withRetry', () => {
  it('retries transient failures only, honouring the Retry-After a failure carries', async () => {
    const clock = recordingClock();
    let calls = 0;
    const seen: number[] = [];
    const value = await withRetry(
      policy,
      clock,
      undefined,
      async () => {
        calls++;
        if (calls === 1) throw new TransientFailure({ code: 'RATE_LIMITED', message: 'slow' }, 1500);
        if (calls === 2) throw new AppFailure({ code: 'NETWORK', message: 'The connection dropped.' });
        return 'done';
      },
      (n) => seen.push(n),
      () => 0,
    );
    expect([value, calls, seen]).toEqual(['done', 3, [1, 2]]);
    expect(clock.slept).toEqual([1500, 100]);
  });

  it('throws at once what would fail the same way again, and the last failure when attempts run out', async () => {
    const clock = recordingClock();
    for (const code of ['SQL_ERROR', 'FORBIDDEN', 'AUTH_REQUIRED', 'CANCELLED'] as const) {
      await expect(withRetry(policy, clock, undefined, async () => Promise.reject(new AppFailure({ code, message: code })))).rejects.toMatchObject({ error: { code } });
    }
    expect(clock.slept).toEqual([]);
    let calls = 0;
    await expect(withRetry(policy, clock, undefined, async () => Promise.reject(new AppFailure({ code: 'UNAVAILABLE', message: `#${++calls}` })))).rejects.toMatchObject({ error: { message: '#4' } });
    expect(clock.slept).toHaveLength(3);
    expect([new TypeError('x'), 'text'].some(isRetryable)).toBe(false);
  });

  it('stops without another attempt once the signal is aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetry(policy, recordingClock(), controller.signal, async () => {
      calls++;
      controller.abort();
      throw new AppFailure({ code: 'UNAVAILABLE', message: 'busy' });
    });
    await expect(run).rejects.toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(calls).toBe(1);
  });
});
