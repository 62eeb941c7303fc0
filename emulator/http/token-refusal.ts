import type { RestResponse } from '../contracts';
import type { TokenErrorShape } from '../faults/fault-spec';
import { databricksError, unauthenticated } from './errors';

export type RefusalReason = 'expired' | 'invalid';

/**
 * How the workspace answers a bearer token it will not accept. Databricks has answered the same expired or invalid
 * token in three shapes over time, and clients that handle only one broke when it changed
 * (databrickslabs/splunk-integration#55: "expects a 403 … changed to a 400 with 'ExpiredJwtException' … then to a
 * 401 with 'Token is expired'"). The sandbox answers with the shape its `tokenError` fault selects, on REST and on
 * the SQL warehouse's Thrift endpoint alike:
 *
 * - 401 (default): `{"error_code":"UNAUTHENTICATED","message":"Token is expired." | "Invalid access token."}` with
 *   `WWW-Authenticate: Bearer realm="DatabricksRealm"` (reference databricks-oauth.md §8 item 5).
 * - 403: a numeric `error_code`, where every API documents a string, and `X-Databricks-Reason-Phrase`:
 *   `{"error_code": 403, "message": "Invalid access token."}` (https://github.com/databricks/databricks-sdk-go/issues/873,
 *   https://github.com/databricks/databricks-sdk-go/issues/917), `"JWT has expired"` for an expired one
 *   (https://github.com/databricks/databricks-sdk-go/issues/1061). A warehouse answers OpenSession with a bad
 *   token with HTTP 403 too (https://github.com/databricks/databricks-sql-python/issues/346).
 * - 400: the token parser's exception in the message, `Error while parsing token:
 *   io.jsonwebtoken.ExpiredJwtException: JWT expired at …` (https://github.com/databricks/terraform-provider-databricks/issues/2522).
 *   The reports quote the message only; the `error_code` beside it is not shown anywhere, so the sandbox sends
 *   `BAD_REQUEST` and clients must not depend on it. Reported for expired tokens; the sandbox uses it for every
 *   refused token while the fault is on.
 */
export function tokenRefusal(reason: RefusalReason, shape: TokenErrorShape, now: Date = new Date()): RestResponse {
  switch (shape) {
    case 401:
      return unauthenticated(reason === 'expired' ? 'Token is expired.' : 'Invalid access token.');
    case 403: {
      const message = reason === 'expired' ? 'JWT has expired' : 'Invalid access token.';
      return { status: 403, body: { error_code: 403, message }, headers: { 'X-Databricks-Reason-Phrase': message } };
    }
    case 400: {
      // Shaped like jjwt's message: expired a minute ago, no clock skew allowed.
      const expiredAt = new Date(now.getTime() - 60_000);
      const at = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
      const message =
        `Error while parsing token: io.jsonwebtoken.ExpiredJwtException: JWT expired at ${at(expiredAt)}. ` +
        `Current time: ${at(now)}, a difference of 60000 milliseconds.  Allowed clock skew: 0 milliseconds.`;
      return databricksError(400, 'BAD_REQUEST', message);
    }
  }
}
