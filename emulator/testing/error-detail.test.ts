import { describe, expect, it } from 'vitest';
import { errorDetail, step } from './error-detail';

describe('errorDetail', () => {
  it('never gives an empty line: an empty message, an AggregateError, a cause chain, a non-Error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:8020'), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused, new Error('connect ECONNREFUSED 127.0.0.1:8020')], ''), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: aggregate });
    expect(errorDetail(fetchFailed)).toBe(
      'TypeError: fetch failed ← AggregateError: (no message) [code=ECONNREFUSED] { Error: connect ECONNREFUSED ::1:8020 [code=ECONNREFUSED] | Error: connect ECONNREFUSED 127.0.0.1:8020 }',
    );
    expect(errorDetail(Object.assign(new Error('server responded with an error'), { status: 401, error: 'invalid_request', error_description: 'Refresh token is invalid' }))).toBe(
      'Error: server responded with an error [status=401 error=invalid_request error_description=Refresh token is invalid]',
    );
    expect(errorDetail(undefined)).toBe('a thrown undefined: undefined');
    expect(errorDetail({ reason: 'x' })).toBe('a thrown object: {"reason":"x"}');
  });

  it('step() names the step that failed and keeps the original as the cause', async () => {
    const original = new Error('');
    const failure = await step('exchanging the code', () => Promise.reject(original)).catch((e: Error) => e);
    expect(failure).toMatchObject({ message: 'exchanging the code failed: Error: (no message)', cause: original });
    expect(await step('reading', async () => 42)).toBe(42);
  });
});
