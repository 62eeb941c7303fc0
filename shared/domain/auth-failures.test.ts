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

describe('the untrusted-certificate hint', () => {
  const { hint } = authFailure('certificate-untrusted', { host: 'adb-1.azuredatabricks.net' });

  it('tells an app user what works in the installed app: the OS store, or the CA certificate file setting', () => {
    expect(hint).toContain('trusts the certificates your operating system trusts');
    expect(hint).toContain('Connection settings › CA certificate file');
  });

  it('names NODE_EXTRA_CA_CERTS for the command-line tool only, and never suggests turning checks off', () => {
    expect(hint).toMatch(/command-line tool reads NODE_EXTRA_CA_CERTS=<path to the \.pem>/);
    expect(hint).not.toMatch(/start ucbridge with NODE_EXTRA_CA_CERTS/);
    expect(hint).toContain('never turns certificate checks off');
    expect(hint).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized/);
  });
});
