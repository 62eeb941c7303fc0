import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure, type AppError, type ErrorCode } from '../../../shared/result';
import { isRetryableStatus, TransientFailure } from './retry-policy';

/**
 * Databricks error bodies and transport errors, as contract error codes with plain-language copy.
 *
 * REST errors are `{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "…"}` (Databricks REST API reference,
 * "Error handling"); OAuth endpoints answer RFC 6749 §5.2 `{"error", "error_description"}`; SCIM answers
 * `{"detail", "status"}` (RFC 7644 §3.12).
 */

export interface ErrorBody {
  readonly errorCode?: string;
  readonly message?: string;
}

const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function parseErrorBody(text: string): ErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null) return {};
  const o = json as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? clip(v) : undefined);
  // The auth layer in front of the APIs answers a bad token with a numeric code, `{"error_code": 403, "message":
  // "Invalid access token."}` (databricks/databricks-sdk-go#873, #1061), where every API documents a string.
  const num = (v: unknown): string | undefined => (typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined);
  const errorCode = str(o.error_code) ?? num(o.error_code) ?? str(o.error) ?? str(o.errorCode) ?? str(o.scimType);
  const message = str(o.message) ?? str(o.error_description) ?? str(o.detail) ?? str(o.errorSummary);
  return { ...(errorCode ? { errorCode } : {}), ...(message ? { message } : {}) };
}

/** Databricks error codes that say more than the HTTP status. */
const BY_ERROR_CODE: Readonly<Record<string, ErrorCode>> = {
  RESOURCE_ALREADY_EXISTS: 'CONFLICT',
  ALREADY_EXISTS: 'CONFLICT',
  RESOURCE_CONFLICT: 'CONFLICT',
  RESOURCE_DOES_NOT_EXIST: 'NOT_FOUND',
  NOT_FOUND: 'NOT_FOUND',
  PERMISSION_DENIED: 'FORBIDDEN',
  INVALID_PARAMETER_VALUE: 'BAD_REQUEST',
  INVALID_STATE: 'CONFLICT',
  REQUEST_LIMIT_EXCEEDED: 'RATE_LIMITED',
  TEMPORARILY_UNAVAILABLE: 'UNAVAILABLE',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'BAD_REQUEST';
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 501) return 'UNSUPPORTED';
  if (status >= 500) return 'UNAVAILABLE';
  return 'INTERNAL';
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  AUTH_REQUIRED: 'Sign in again (Re-authenticate).',
  FORBIDDEN: 'The signed-in identity lacks a privilege for this; ask a workspace or metastore admin.',
  RATE_LIMITED: 'Databricks is rate limiting requests; wait a minute and try again.',
  UNAVAILABLE: 'Databricks is temporarily unavailable; try again in a minute.',
};

/**
 * An HTTP error answer from Databricks, after retries. A 429 or 503 is a TransientFailure carrying the server's
 * Retry-After, so a caller that retries the whole operation (an apply step) waits what the server asked.
 */
export function httpFailure(status: number, bodyText: string, what: string, retryAfterMs?: number): AppFailure {
  const body = parseErrorBody(bodyText);
  const code = (body.errorCode && BY_ERROR_CODE[body.errorCode]) || codeForStatus(status);
  const reason = [body.errorCode, body.message].filter(Boolean).join(': ');
  const message = `${what} failed: Databricks answered ${status}${reason ? ` (${reason})` : ''}.`;
  const hint = HINTS[code];
  const error: AppError = hint ? { code, message, hint } : { code, message };
  return isRetryableStatus(status) ? new TransientFailure(error, retryAfterMs) : new AppFailure(error);
}

const TLS_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CLOSED']);

/**
 * The host was reached and the connection then broke before an answer: a reset (a load balancer dropping an idle
 * keep-alive socket, a proxy, the sandbox's `resetAfter` fault). undici reports the server closing the socket as
 * UND_ERR_SOCKET ("other side closed"); node-fetch (the SQL driver) as a FetchError with `code` ECONNRESET.
 */
const DROPPED_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** The connection dropped mid-request: worth retrying when the request is idempotent. */
export const isDroppedConnection = (e: unknown): boolean => {
  const code = errorCodeOf(e);
  return code !== undefined && DROPPED_CODES.has(code);
};

/** Said as what happened: the host answered before, so "could not reach" would send the user to the wrong fix. */
export const droppedConnectionFailure = (host: string): AppFailure =>
  new TransientFailure({
    code: 'NETWORK',
    message: `The connection to ${host} dropped before it answered.`,
    hint: 'A proxy, VPN or unstable network may be cutting connections; try again.',
  });

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The first `code` along the `cause` chain (undici wraps the socket's error). */
export function errorCodeOf(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A transport failure: nothing came back from the host (or nothing we trust). */
export function transportFailure(e: unknown, host: string): AppFailure {
  if (e instanceof AppFailure) return e;
  const code = errorCodeOf(e);
  if (code && TLS_CODES.has(code)) return new AppFailure(authFailure('certificate-untrusted', { host, detail: code }));
  if (code && DROPPED_CODES.has(code)) return droppedConnectionFailure(host);
  if (code && TIMEOUT_CODES.has(code)) {
    return new AppFailure({
      code: 'TIMEOUT',
      message: `${host} did not answer in time.`,
      hint: 'Check your network or VPN, then try again.',
    });
  }
  return new AppFailure(authFailure('unreachable-host', { host, ...(code && UNREACHABLE_CODES.has(code) ? { detail: code } : {}) }));
}
