import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { exitCodeFor, failureLine, scrub } from './cli-output';

describe('CLI output', () => {
  it('scrubs every secret the user passed and every secret shape the redactor knows', () => {
    const text = 'client_secret=plain-secret-value Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln and plain-secret-value again';
    const out = scrub(text, ['plain-secret-value']);
    expect(out).not.toContain('plain-secret-value');
    expect(out).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });

  it('prints one line with message and hint, and never a stack for unexpected errors', () => {
    const line = failureLine(new AppFailure({ code: 'AUTH_FAILED', message: 'Refused\n(401).', hint: 'Check the token.' }), []);
    expect(line).toBe('ucbridge: Refused (401). Check the token.');
    const unexpected = failureLine(new Error('boom at /secret/path'), []);
    expect(unexpected).toMatch(/^ucbridge: ucbridge hit an unexpected problem/);
    expect(unexpected).not.toContain('boom');
    const hostile = failureLine(new AppFailure({ code: 'NOT_FOUND', message: 'No schema sales\u202e\u001b[2J.\r\nok' }), []);
    expect(hostile).toBe('ucbridge: No schema sales\\u202e\\u001b[2J. ok');
  });

  it('maps usage errors to 2, cancellation to 130, the rest to 1', () => {
    expect(exitCodeFor(new AppFailure({ code: 'BAD_REQUEST', message: 'x' }))).toBe(2);
    expect(exitCodeFor(new AppFailure({ code: 'CANCELLED', message: 'x' }))).toBe(130);
    expect(exitCodeFor(new AppFailure({ code: 'NETWORK', message: 'x' }))).toBe(1);
    expect(exitCodeFor(new Error('x'))).toBe(1);
  });
});
