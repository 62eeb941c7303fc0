import { authFailure, type AuthFailureContext, type AuthFailureKind } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import { parseErrorBody } from '../http/http-errors';

export type Grant = 'authorization_code' | 'refresh_token' | 'client_credentials' | 'token_exchange';

/** Beyond this the server and this machine disagree about time enough to break token lifetimes and JWT checks. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A token-endpoint refusal (RFC 6749 §5.2), as the failure the user can act on.
 *
 * Refresh: `invalid_grant`, or `invalid_request` with "Refresh token is invalid" (what Databricks actually answers,
 * databricks/cli#667, acceptance fixture force-refresh-invalid-refresh-token) means the refresh token is dead:
 * sign in again. Any other 4xx on refresh is treated the same way, so a refusal can never turn into a retry loop.
 */
export interface TokenErrorInput {
  readonly grant: Grant;
  readonly status: number;
  readonly bodyText: string;
  /** Server `Date` minus local time, when the server sent a Date. */
  readonly skewMs: number | undefined;
  /** A client secret was sent (so `invalid_client` means the secret is wrong). */
  readonly confidential: boolean;
  readonly ctx: AuthFailureContext;
}

export function tokenEndpointFailure(input: TokenErrorInput): AppFailure {
  const { grant, status, bodyText, skewMs, confidential, ctx } = input;
  const body = parseErrorBody(bodyText);
  const detail = [body.errorCode, body.message].filter(Boolean).join(': ').replace(/[^\w .,:;'"()/=-]/g, '') || `HTTP ${status}`;
  const withDetail: AuthFailureContext = { ...ctx, detail };
  if (status >= 500) {
    return new AppFailure({ code: 'UNAVAILABLE', message: `The sign-in service of ${ctx.host ?? 'the workspace'} failed (${detail}).`, hint: 'Try again in a minute.' });
  }
  if (skewMs !== undefined && Math.abs(skewMs) > MAX_CLOCK_SKEW_MS) {
    return new AppFailure(authFailure('clock-skew', { ...ctx, detail: `${Math.round(Math.abs(skewMs) / 60_000)} minutes` }));
  }
  const kind = ((): AuthFailureKind => {
    switch (grant) {
      case 'refresh_token':
        return 'signin-required';
      case 'authorization_code':
        return body.errorCode === 'invalid_client' ? (confidential ? 'wrong-client-secret' : 'authorize-error') : 'code-rejected';
      case 'client_credentials':
        return body.errorCode === 'invalid_client' || status === 401 ? 'wrong-client-secret' : 'authorize-error';
      case 'token_exchange':
        return 'federation-rejected';
    }
  })();
  return new AppFailure(authFailure(kind, withDetail));
}
