import type { SessionState } from '../../../shared/contract/session';

/** Signed in: an identity, and a token that is usable or can be refreshed without the user. */
export function isSignedIn(session: SessionState | undefined): boolean {
  if (!session?.identity) return false;
  switch (session.token.state) {
    case 'valid':
    case 'refreshing':
    case 'expired':
      return true;
    case 'none':
    case 'signin-required':
      return false;
  }
}

/** "in 52 min", "in 3 h 5 min", "2 min ago". */
export function formatRelative(target: number, now: number): string {
  const minutes = Math.round(Math.abs(target - now) / 60_000);
  const amount =
    minutes < 1 ? 'less than a minute' : minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return target >= now ? `in ${amount}` : `${amount} ago`;
}

/** The token's state in a few words, with its expiry when known. */
export function describeToken(token: SessionState['token'], now: number): string {
  const expiry = token.expiresAt === undefined ? undefined : formatRelative(token.expiresAt, now);
  switch (token.state) {
    case 'none':
      return 'No token';
    case 'valid':
      return expiry ? `Valid, expires ${expiry}` : 'Valid, no expiry known';
    case 'refreshing':
      return 'Refreshing…';
    case 'expired':
      return expiry ? `Expired ${expiry}, refreshes on next use` : 'Expired, refreshes on next use';
    case 'signin-required':
      return 'Sign-in required';
  }
}
