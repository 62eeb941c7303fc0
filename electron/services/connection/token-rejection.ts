import { parseErrorBody } from '../http/http-errors';

/**
 * Whether an answer says "this bearer token is no good" (expired, revoked, unknown), so the token is renewed once
 * and the call repeats. Databricks has answered that in three shapes over time, and clients that knew only one
 * broke when it changed (databrickslabs/splunk-integration#55: 403, then 400 `ExpiredJwtException`, then 401):
 *
 * - 401, whatever the body ("Token is expired.", "Invalid access token.").
 * - 403 with a numeric `error_code` 403 from the auth layer, `{"error_code": 403, "message": "Invalid access
 *   token."}` (databricks/databricks-sdk-go#873, #917) or `"JWT has expired"` (#1061), or a 403 whose message says
 *   the token is invalid or expiring ("Token is expiring within 30 seconds. (token expired)",
 *   databricks/databricks-vscode#583). A 403 `PERMISSION_DENIED` (a string code) is a real refusal, not this.
 * - 400 whose message carries the token parser's `ExpiredJwtException` (databricks/terraform-provider-databricks#2522).
 */
const TOKEN_MESSAGE = /invalid access token|token is expired|token expired|expired token|jwt has expired|token is expiring/i;

export function isTokenRejection(status: number, bodyText: string): boolean {
  if (status === 401) return true;
  if (status !== 403 && status !== 400) return false;
  const body = parseErrorBody(bodyText);
  const message = body.message ?? '';
  if (status === 400) return /ExpiredJwtException/.test(message);
  return body.errorCode === '403' || TOKEN_MESSAGE.test(message);
}
