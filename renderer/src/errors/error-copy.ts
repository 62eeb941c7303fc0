import type { ErrorCode } from '../../../shared/result';

/**
 * A short, plain-language title for every error code (a Record, so a new code without copy is a type error).
 * The message and hint under it come from main and say what happened and what to do.
 */
export const ERROR_TITLES: Readonly<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'That input was not accepted',
  FORBIDDEN: 'Not allowed',
  NOT_CONNECTED: 'Not signed in to a workspace',
  AUTH_REQUIRED: 'Please sign in again',
  AUTH_FAILED: 'Sign-in did not succeed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Something with that name already exists',
  CANCELLED: 'Cancelled',
  TIMEOUT: 'That took too long',
  NETWORK: 'Could not reach the workspace',
  RATE_LIMITED: 'The workspace is busy',
  UNAVAILABLE: 'The service is not available right now',
  SQL_ERROR: 'A SQL statement failed',
  STORAGE: 'Local data could not be read or saved',
  INSECURE_STORAGE: 'No secure storage for secrets',
  UNSUPPORTED: 'Not supported here',
  INTERNAL: 'Something went wrong inside ucbridge',
};
