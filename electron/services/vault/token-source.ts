import type { TokenState } from '../../../shared/contract/session';
import { authFailure } from '../../../shared/domain/auth-failures';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { TokenSet } from '../oauth/token-client';

/**
 * The access token of one session, kept fresh. Refreshes 5 minutes before expiry (the Go SDK's
 * `tokenRefreshBuffer`; reference databricks-oauth.md §2.6) — or at half its life when it lives under 10 minutes
 * (the Python SDK's `min(TTL/2, …)` stale window) — and once after a 401. Refreshes are single-flight:
 * with single-use refresh tokens two concurrent refreshes would present the same token twice, and reuse detection
 * then revokes the whole grant (reference oauth-loopback-testing.md, "Gotchas" 1). The rotated refresh token is
 * persisted before anyone gets the new access token. A refused refresh ends in `signin-required`, after which no
 * further refresh is attempted: never a loop.
 */
export interface TokenSourceOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Absent after a restart: the first call renews (from the saved refresh token or secret). */
  readonly initial?: TokenSet;
  /** How to get a new token set: refresh-token grant, client credentials, token exchange. Absent for a PAT. */
  readonly renew?: (current: TokenSet | undefined) => Promise<TokenSet>;
  /** Saves what must survive (a rotated refresh token) — awaited before the new token is handed out. */
  readonly persist: (next: TokenSet) => Promise<void>;
  readonly onChange: (state: TokenState, expiresAt: number | undefined) => void;
  readonly refreshMarginMs?: number;
  /** Restored without the secret needed to renew: the session exists but must be signed in to again. */
  readonly signedOut?: boolean;
}

export interface TokenSource {
  accessToken(signal?: AbortSignal): Promise<string>;
  /** After a 401 for `rejected`: renew once (unless another caller already did) and return the new token. */
  afterUnauthorized(rejected: string, signal?: AbortSignal): Promise<string>;
  state(): { readonly state: TokenState; readonly expiresAt: number | undefined };
  current(): TokenSet | undefined;
  /** Ends the session's tokens: every later call fails with NOT_CONNECTED. */
  dispose(): void;
}

export const REFRESH_MARGIN_MS = 5 * 60_000;
const MIN_WINDOW_MS = 60_000;

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createTokenSource(o: TokenSourceOptions): TokenSource {
  const margin = o.refreshMarginMs ?? REFRESH_MARGIN_MS;
  let current = o.initial;
  let state: TokenState = o.signedOut ? 'signin-required' : current ? 'valid' : 'expired';
  let inflight: Promise<TokenSet> | undefined;
  let disposed = false;

  const set = (next: TokenState) => {
    state = next;
    o.onChange(next, current?.expiresAt);
  };
  const signinRequired = () => new AppFailure(authFailure('signin-required'));
  const assertUsable = () => {
    if (disposed) throw new AppFailure({ code: 'NOT_CONNECTED', message: 'This session has ended.' });
    if (state === 'signin-required') throw signinRequired();
  };
  // Short-lived tokens (an app connection may set a 5-minute TTL) refresh at half their life, not on every call;
  // but never hand out one closer than a minute to expiry: the SQL driver treats a token as expired 30 s early
  // (`@databricks/sql` Token.js EXPIRATION_BUFFER_SECONDS) and would refuse it.
  const windowOf = (t: TokenSet): number =>
    t.obtainedAt !== undefined && t.expiresAt !== undefined ? Math.max(MIN_WINDOW_MS, Math.min(margin, (t.expiresAt - t.obtainedAt) / 2)) : margin;
  const fresh = (t: TokenSet | undefined, now: number): boolean => !!t && (t.expiresAt === undefined || t.expiresAt - now > windowOf(t));
  const unexpired = (t: TokenSet | undefined, now: number): boolean => !!t && (t.expiresAt === undefined || t.expiresAt > now);

  function renewOnce(): Promise<TokenSet> {
    const renew = o.renew;
    if (!renew) {
      set('signin-required');
      return Promise.reject(signinRequired());
    }
    inflight ??= (async () => {
      set('refreshing');
      try {
        const next = await renew(current);
        if (disposed) throw new AppFailure({ code: 'NOT_CONNECTED', message: 'This session has ended.' });
        try {
          await o.persist(next);
        } catch (error) {
          // The old refresh token is already spent; keep the new one in memory rather than ever presenting the old.
          o.logger.error('could not save the rotated refresh token; the session continues in memory only', { error });
        }
        current = next;
        set('valid');
        o.logger.info('token renewed', { expiresAt: next.expiresAt });
        return next;
      } catch (e) {
        if (e instanceof AppFailure && e.error.code === 'AUTH_REQUIRED') set('signin-required');
        else if (!disposed) set(unexpired(current, o.clock.now()) ? 'valid' : 'expired');
        throw e;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  return {
    async accessToken(signal) {
      assertUsable();
      const now = o.clock.now();
      if (current && fresh(current, now)) return current.accessToken;
      try {
        return (await abortable(renewOnce(), signal)).accessToken;
      } catch (e) {
        // A proactive refresh that failed for a transient reason: the current token still works (as in the Go SDK).
        const still = current;
        if (still && state !== 'signin-required' && !(e instanceof AppFailure && e.error.code === 'CANCELLED') && unexpired(still, o.clock.now())) {
          o.logger.warn('proactive token refresh failed; using the current token until it expires', { error: e });
          return still.accessToken;
        }
        throw e;
      }
    },
    async afterUnauthorized(rejected, signal) {
      assertUsable();
      if (current && current.accessToken !== rejected) return current.accessToken;
      return (await abortable(renewOnce(), signal)).accessToken;
    },
    state: () => ({ state, expiresAt: current?.expiresAt }),
    current: () => current,
    dispose() {
      disposed = true;
      current = undefined;
    },
  };
}
