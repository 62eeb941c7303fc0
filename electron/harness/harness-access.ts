import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may use the browser harness: the browser of the person who started it, and nobody else on the machine. The
 * harness prints (or opens) a one-time URL `/login?token=…`, as notebook servers do; loading it once exchanges the
 * token for a session cookie (`HttpOnly`, `SameSite=Strict`, `Path=/`) that the page, its assets and the socket
 * all require. The terminal that shows the URL is its owner's alone; a token is worthless once used, and the cookie
 * never leaves the browser (not readable by scripts, not sent by other sites). Another local process or user can
 * reach the port, but gets neither the page (nor the per-run socket secret inside it) nor the socket.
 */
export interface OneTimeUrl {
  /** `http://127.0.0.1:<port>/login?token=<token>` */
  readonly url: string;
  /** Resolves when this token has been exchanged for a session. */
  readonly used: Promise<void>;
}

export interface HarnessAccess {
  /** The cookie's name: the port is in it, as cookies are shared between ports of one host. */
  readonly cookieName: string;
  /** Mints a token (each works once) and its URL. */
  oneTimeUrl(): OneTimeUrl;
  /** Spends a token: the new session's cookie value, or why not. */
  exchange(token: string): { readonly ok: true; readonly session: string } | { readonly ok: false; readonly reason: 'used' | 'unknown' };
  /** Whether a request's Cookie header carries a live session. */
  admits(cookieHeader: string | undefined): boolean;
  /** The Set-Cookie header value for a session. */
  setCookie(session: string): string;
}

export const LOGIN_PATH = '/login';

/** Tokens and sessions are kept as hashes: a lookup by hash compares nothing secret-dependent character by character. */
const digest = (value: string): string => createHash('sha256').update(value).digest('hex');
const random = (): string => randomBytes(32).toString('base64url');

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function createHarnessAccess(origin: string, port: number): HarnessAccess {
  const cookieName = `ucbridge_harness_${port}`;
  const tokens = new Map<string, { used: boolean; resolve: () => void }>();
  const sessions = new Set<string>();
  return {
    cookieName,
    oneTimeUrl() {
      const token = random();
      let resolve!: () => void;
      const used = new Promise<void>((r) => (resolve = r));
      tokens.set(digest(token), { used: false, resolve });
      return { url: `${origin}${LOGIN_PATH}?token=${token}`, used };
    },
    exchange(token) {
      const entry = tokens.get(digest(token));
      if (!entry) return { ok: false, reason: 'unknown' };
      if (entry.used) return { ok: false, reason: 'used' };
      entry.used = true;
      entry.resolve();
      const session = random();
      sessions.add(digest(session));
      return { ok: true, session };
    },
    admits(cookieHeader) {
      const value = cookieValue(cookieHeader, cookieName);
      if (value === undefined || value.length > 100) return false;
      const hashed = digest(value);
      // The set holds hashes; the final comparison is constant-time anyway.
      for (const s of sessions) if (timingSafeEqual(Buffer.from(s), Buffer.from(hashed))) return true;
      return false;
    },
    setCookie(session) {
      return `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}
