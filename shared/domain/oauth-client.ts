/**
 * The OAuth app connection a workspace signs in through: client id, redirect URIs, scopes. Pure rules shared by
 * the renderer's form and the main process.
 *
 * Databricks matches redirect URIs exactly, port and path included, and does not apply RFC 8252 §7.3's "any
 * port" rule (databricks/cli#3416, dbt-databricks#582; reference databricks-oauth.md §2.3). So the app uses only
 * URIs the admin registered, in the order given, and sends each one exactly as registered.
 */

export const DEFAULT_REDIRECT_URIS: readonly string[] = Object.freeze([
  'http://localhost:8020/callback',
  'http://localhost:8021/callback',
  'http://localhost:8022/callback',
]);

/** `offline_access` is what yields a refresh token (databricks-sdk-py#931); `all-apis` covers REST and SQL. */
export const DEFAULT_U2M_SCOPES: readonly string[] = Object.freeze(['all-apis', 'offline_access']);

/** Scopes a custom app connection can grant (create-custom-o-auth-app-integration API). */
export const ALLOWED_SCOPES: readonly string[] = Object.freeze(['all-apis', 'sql', 'offline_access', 'openid', 'email', 'profile']);

export const MAX_REDIRECT_URIS = 5;

export interface RedirectUri {
  /** Exactly as registered: this string is sent to the authorize and token endpoints. */
  readonly uri: string;
  /** `localhost`, `127.0.0.1` or `[::1]`. */
  readonly hostname: string;
  readonly port: number;
  readonly path: string;
}

export type RedirectUriCheck = { readonly ok: true; readonly value: RedirectUri } | { readonly ok: false; readonly problem: string };

const LOOPBACK: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A loopback redirect URI (RFC 8252 §7.3): http, a loopback host, an explicit port, no query or fragment. */
export function parseRedirectUri(input: string): RedirectUriCheck {
  const uri = typeof input === 'string' ? input.trim() : '';
  const bad = (problem: string): RedirectUriCheck => ({ ok: false, problem: `${uri.slice(0, 100)}: ${problem}` });
  if (uri.length === 0 || uri.length > 200) return { ok: false, problem: 'A redirect URL has 1-200 characters.' };
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return bad('not a URL.');
  }
  if (url.protocol !== 'http:') return bad('loopback redirect URLs use http:// (RFC 8252 §7.3).');
  if (!LOOPBACK.has(url.hostname)) return bad('use localhost, 127.0.0.1 or [::1].');
  if (url.username || url.password || url.search || url.hash) return bad('no user, query or fragment.');
  const port = Number(url.port);
  if (url.port === '' || port < 1024) return bad('give an explicit port from 1024 to 65535.');
  return { ok: true, value: { uri, hostname: url.hostname, port, path: url.pathname } };
}

export type RedirectUrisCheck =
  | { readonly ok: true; readonly value: readonly RedirectUri[] }
  | { readonly ok: false; readonly problem: string };

export function parseRedirectUris(inputs: readonly string[]): RedirectUrisCheck {
  if (inputs.length === 0) return { ok: false, problem: 'Give at least one redirect URL.' };
  if (inputs.length > MAX_REDIRECT_URIS) return { ok: false, problem: `Give at most ${MAX_REDIRECT_URIS} redirect URLs.` };
  const out: RedirectUri[] = [];
  for (const input of inputs) {
    const check = parseRedirectUri(input);
    if (!check.ok) return check;
    if (out.some((u) => u.uri === check.value.uri)) return { ok: false, problem: `${check.value.uri} is listed twice.` };
    out.push(check.value);
  }
  return { ok: true, value: out };
}

/** App connection client ids: a UUID for custom connections, a short name for published ones (`databricks-cli`). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export const isValidClientId = (value: string): boolean => CLIENT_ID_PATTERN.test(value);
