/**
 * Which field names carry secrets. Used for object keys, JSON members, query-string and form parameters, and
 * `key: value` / `key=value` pairs in free text, so one rule covers every shape a secret can arrive in.
 */

/** Normalised (lower-case, letters and digits only) fragments that make a field secret whatever its value. */
const SECRET_FRAGMENTS: readonly string[] = [
  'token', // access_token, refresh_token, id_token, subject_token, personalAccessToken…
  'secret', // client_secret, clientSecret
  'password',
  'passwd',
  'passphrase',
  'authorization',
  'cookie',
  'verifier', // code_verifier (PKCE)
  'apikey',
  'privatekey',
  'assertion', // client_assertion (JWT bearer client authentication)
  'authcode',
  'authorizationcode',
];

/** Exact normalised names that are secret (too short to match as a fragment without false positives). */
const SECRET_EXACT: ReadonlySet<string> = new Set(['pat', 'jwt', 'pwd']);

/**
 * Suffixes that make a matching name plainly non-secret: `token_type`, `token_endpoint`, `tokenState`,
 * `secretStorage`, `token_expires_in`, `token_id` (a PAT's id, used to revoke it, is not the token).
 */
const NON_SECRET_SUFFIXES: readonly string[] = [
  'type',
  'types',
  'endpoint',
  'url',
  'uri',
  'state',
  'expiresat',
  'expiresin',
  'expiry',
  'expiration',
  'lifetime',
  'method',
  'methods',
  'supported',
  'storage',
  'storagenote',
  'backend',
  'id',
  'count',
  'length',
];

const normalise = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** True for field names whose value must never be written, whatever it looks like. */
export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  if (SECRET_EXACT.has(k)) return true;
  if (!SECRET_FRAGMENTS.some((f) => k.includes(f))) return false;
  return !NON_SECRET_SUFFIXES.some((s) => k.endsWith(s));
}

/**
 * An OAuth authorization `code` is a secret, but `code` is also the name of every error code in this app
 * (`{code:'NOT_CONNECTED'}`, `ENOENT`, HTTP statuses). A value that looks like a symbolic constant or a number is
 * kept; anything else under `code` is treated as an authorization code.
 */
export function isSecretCodeValue(value: unknown): boolean {
  if (typeof value === 'number' || value === null || value === undefined) return false;
  if (typeof value !== 'string') return true;
  return !/^(?:[A-Z][A-Z0-9_.]{0,63}|\d{1,6}|)$/.test(value);
}

/** Whether the value stored under `key` must be redacted. */
export function mustRedact(key: string, value: unknown): boolean {
  if (normalise(key) === 'code') return isSecretCodeValue(value);
  return isSecretKey(key);
}
