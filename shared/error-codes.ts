/**
 * The closed set of error codes that may cross a process boundary (IPC, the harness socket, CLI output).
 * Adding a code is a contract change: the renderer maps every code to plain-language copy.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // the caller's input failed validation
  'FORBIDDEN', // untrusted sender, or the identity lacks a privilege
  'NOT_CONNECTED', // no signed-in session for this operation
  'AUTH_REQUIRED', // the session can no longer refresh; sign in again
  'AUTH_FAILED', // sign-in was refused (wrong secret, consent denied, state mismatch…)
  'NOT_FOUND',
  'CONFLICT', // something already exists and is not ours
  'CANCELLED',
  'TIMEOUT',
  'NETWORK', // unreachable host, reset connection, TLS failure
  'RATE_LIMITED', // retries exhausted on 429
  'UNAVAILABLE', // retries exhausted on 503 / warehouse not running
  'SQL_ERROR', // a statement failed; the message carries the error class and SQLSTATE
  'STORAGE', // local state could not be read or written
  'INSECURE_STORAGE', // no OS keychain: secrets are kept for this session only
  'UNSUPPORTED',
  'INTERNAL', // a bug: the details are in the log, never in the message
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
