import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import { jwtClaims } from './jwt-claims';

export interface IdTokenExpectations {
  readonly nonce: string;
  readonly clientId: string;
  readonly issuer: string | undefined;
  readonly now: number;
  readonly host: string;
}

/**
 * When the `openid` scope is requested the token endpoint returns an ID token whose `nonce` must be the one sent
 * with the authorization request (OIDC Core §3.1.3.7 items 2, 3, 9, 11). It arrives directly from the token
 * endpoint over verified TLS, so the signature check may be replaced by TLS server validation (item 6).
 */
export function checkIdToken(idToken: string, expected: IdTokenExpectations): void {
  const refuse = (detail: string) => new AppFailure(authFailure('code-rejected', { host: expected.host, detail }));
  const claims = jwtClaims(idToken);
  if (!claims) throw refuse('the ID token is malformed');
  if (claims.nonce !== expected.nonce) throw refuse('the ID token answers another sign-in (nonce mismatch)');
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.clientId)) throw refuse('the ID token was issued to another client');
  if (expected.issuer !== undefined && claims.iss !== expected.issuer) throw refuse('the ID token came from another issuer');
  if (typeof claims.exp === 'number' && claims.exp * 1000 < expected.now - 5 * 60_000) throw refuse('the ID token has expired');
}
