import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import { errorCodeOf, transportFailure } from '../http/http-errors';
import { parseRetryAfter, TransientFailure } from '../http/retry-policy';
import { isTokenRejection } from '../connection/token-rejection';

/**
 * `@databricks/sql` errors as contract failures (reference sql-driver-thrift-protocol.md §1 "Errors", "HTTP
 * errors and retries"): a failed statement is an `OperationStateError` whose `response` carries the SQLSTATE and
 * `displayMessage`, or a `StatusError` (not an Error instance) with only `message`; HTTP failures are
 * `THTTPException` with `statusCode`; exhausted retries are `HiveDriverError("… Max retry count exceeded.")`.
 */
interface DriverErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly statusCode?: unknown;
  /** A Thrift status (OperationStateError), or the HTTP response (THTTPException, a node-fetch Response). */
  readonly response?: {
    readonly sqlState?: unknown;
    readonly displayMessage?: unknown;
    readonly errorMessage?: unknown;
    readonly headers?: { readonly get?: (name: string) => string | null };
    readonly text?: () => Promise<string>;
  };
}

const TLS_REASON = /self[- ]signed|unable to (?:verify|get)|certificate/i;

/**
 * The warehouse refused the bearer token: renew it once and try again. A warehouse answers a bad or expired token
 * with HTTP 401, and also with 403 (an OpenSession with an invalid token: "POST /sql/1.0/warehouses/… 403",
 * databricks/databricks-sql-python#346), or with the 400 `ExpiredJwtException` REST has used (read from the body the
 * driver leaves unread on a failed call). A 403 can also mean the identity may not use the warehouse
 * (databricks-sql-python#729); then the renewed token is refused the same way and the 403 is reported as it is.
 */
export async function isTokenRejectedDriverError(e: unknown): Promise<boolean> {
  const d = (typeof e === 'object' && e !== null ? e : {}) as DriverErrorShape;
  if (d.statusCode === 401 || d.statusCode === 403) return true;
  if (d.statusCode !== 400 || typeof d.response?.text !== 'function') return false;
  const body = await d.response.text().catch(() => '');
  return isTokenRejection(400, body);
}

/** The Retry-After of a THTTPException's response, in ms. */
function retryAfterOf(d: DriverErrorShape): number | undefined {
  const get = d.response?.headers?.get;
  return typeof get === 'function' ? parseRetryAfter(get.call(d.response?.headers, 'retry-after'), Date.now()) : undefined;
}

export function sqlFailure(e: unknown, host: string): AppFailure {
  if (e instanceof AppFailure) return e;
  const d = (typeof e === 'object' && e !== null ? e : {}) as DriverErrorShape;
  const message = typeof d.message === 'string' ? d.message : String(e);
  // Its `name` is plain "Error"; the class name and the Thrift response say what it is.
  const kind = (e as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (kind === 'OperationStateError' || kind === 'StatusError' || d.name === 'StatusError' || (d.response && ('sqlState' in d.response || 'displayMessage' in d.response))) {
    const sqlState = typeof d.response?.sqlState === 'string' ? d.response.sqlState : undefined;
    const text = typeof d.response?.displayMessage === 'string' && d.response.displayMessage ? d.response.displayMessage : message;
    const withState = sqlState && !text.includes(sqlState) ? `${text} SQLSTATE: ${sqlState}` : text;
    return new AppFailure({ code: 'SQL_ERROR', message: withState.slice(0, 2000) });
  }
  if (typeof d.statusCode === 'number') {
    switch (d.statusCode) {
      case 401:
        return new AppFailure(authFailure('signin-required'));
      case 403:
        return new AppFailure(authFailure('forbidden', { host }));
      case 404:
        return new AppFailure({ code: 'NOT_FOUND', message: 'That SQL warehouse does not exist (404).', hint: 'Pick the warehouse again from the list.' });
      case 429:
        return new TransientFailure({ code: 'RATE_LIMITED', message: 'The SQL warehouse is rate limiting requests.', hint: 'Wait a minute and try again.' }, retryAfterOf(d));
      default:
        if (d.statusCode >= 500) {
          const error = { code: 'UNAVAILABLE', message: `The SQL warehouse answered ${d.statusCode}.`, hint: 'It may be starting; try again in a minute.' } as const;
          return d.statusCode === 503 ? new TransientFailure(error, retryAfterOf(d)) : new AppFailure(error);
        }
    }
  }
  if (/max retry count exceeded/i.test(message)) {
    return new AppFailure({ code: 'UNAVAILABLE', message: 'The SQL warehouse kept refusing requests (retries exhausted).', hint: 'Check that the warehouse is running, then try again.' });
  }
  const code = errorCodeOf(e);
  if (TLS_REASON.test(message) && code === undefined) return new AppFailure(authFailure('certificate-untrusted', { host }));
  if (code !== undefined) return transportFailure(e, host);
  return new AppFailure({ code: 'UNAVAILABLE', message: `The SQL warehouse connection failed: ${message.slice(0, 300)}`, hint: 'Try again; if it keeps failing, copy the details for support.' });
}
