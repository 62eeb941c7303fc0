// OAuth and API query parameters whose values are credentials or one-time secrets (RFC 6749, RFC 7636, RFC 8693).
const SECRET_PARAMS = new Set([
  'code',
  'code_verifier',
  'code_challenge',
  'state',
  'nonce',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'id_token_hint',
  'subject_token',
  'actor_token',
  'client_secret',
  'client_assertion',
  'password',
  'secret',
]);

// Values that look like credentials whatever their parameter is called: PATs and OAuth secrets (the prefixes
// @databricks/sql redacts, databricks-oauth.md §5.1) and JWTs.
const SECRET_VALUE = /^(dapi|dkea|dskea|dsapi|dose)|^eyJ[\w-]+\.[\w-]+\./u;

export const REDACTED = '[REDACTED]';

/** A query string with every secret value replaced, for the request log. */
export function redactQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    out.append(key, SECRET_PARAMS.has(key.toLowerCase()) || SECRET_VALUE.test(value) ? REDACTED : value);
  }
  const text = out.toString();
  return text === '' ? '' : `?${text}`;
}
