/**
 * Reads a JWT's claims without verifying its signature. Used only where verification is not the point: the
 * expiry of an access token or identity-provider token the app holds, and an ID token received directly from the
 * token endpoint over TLS, where OIDC Core §3.1.3.7 item 6 allows TLS server validation in place of the signature.
 */
export type JwtClaims = Readonly<Record<string, unknown>>;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export const looksLikeJwt = (token: string): boolean => {
  const parts = token.split('.');
  return parts.length === 3 && SEGMENT.test(parts[0] ?? '') && SEGMENT.test(parts[1] ?? '') && /^[A-Za-z0-9_-]*$/.test(parts[2] ?? '');
};

export function jwtClaims(token: string): JwtClaims | undefined {
  if (!looksLikeJwt(token)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    // Not JSON: no claims.
  }
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as JwtClaims) : undefined;
}

/** `exp` in epoch milliseconds, when the token carries one. */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}
