import { describe, expect, it } from 'vitest';
import { authFailure, describeDuration } from './auth-failures';

describe('the sign-in timeout message', () => {
  it('states the timeout used, 5 minutes unless told', () => {
    expect(authFailure('timeout').message).toBe('Sign-in was not completed in the browser within 5 minutes.');
    expect(authFailure('timeout', { timeoutMs: 1000 }).message).toBe('Sign-in was not completed in the browser within 1 second.');
    expect(describeDuration(90_000)).toBe('90 seconds');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(3_600_000)).toBe('60 minutes');
  });
});
