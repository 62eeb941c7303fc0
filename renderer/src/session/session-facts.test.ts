import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/contract/session';
import { describeToken, formatRelative, isSignedIn } from './session-facts';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const session = (token: SessionState['token'], identity = true): SessionState => ({
  workspace: { url: 'https://w.example.com', label: 'w', kind: 'workspace' },
  identity: identity ? { kind: 'user', userName: 'a@b.c', displayName: 'A', admin: false, groups: [] } : null,
  authMethod: 'oauth-u2m',
  token,
  persistence: 'keychain',
});

describe('isSignedIn', () => {
  it('needs an identity and a usable or refreshable token', () => {
    expect(isSignedIn(undefined)).toBe(false);
    expect(isSignedIn(session({ state: 'valid' }, false))).toBe(false);
    expect(isSignedIn(session({ state: 'valid' }))).toBe(true);
    expect(isSignedIn(session({ state: 'refreshing' }))).toBe(true);
    expect(isSignedIn(session({ state: 'expired' }))).toBe(true);
    expect(isSignedIn(session({ state: 'signin-required' }))).toBe(false);
    expect(isSignedIn(session({ state: 'none' }))).toBe(false);
  });
});

describe('formatRelative', () => {
  it('says minutes, hours and minutes, past and future', () => {
    expect(formatRelative(NOW + 20_000, NOW)).toBe('in less than a minute');
    expect(formatRelative(NOW + 52 * 60_000, NOW)).toBe('in 52 min');
    expect(formatRelative(NOW + 185 * 60_000, NOW)).toBe('in 3 h 5 min');
    expect(formatRelative(NOW - 2 * 60_000, NOW)).toBe('2 min ago');
  });
});

describe('describeToken', () => {
  it('gives every state a few plain words, with the expiry when known', () => {
    expect(describeToken({ state: 'none' }, NOW)).toBe('No token');
    expect(describeToken({ state: 'valid', expiresAt: NOW + 30 * 60_000 }, NOW)).toBe('Valid, expires in 30 min');
    expect(describeToken({ state: 'valid' }, NOW)).toBe('Valid, no expiry known');
    expect(describeToken({ state: 'refreshing' }, NOW)).toBe('Refreshing…');
    expect(describeToken({ state: 'expired', expiresAt: NOW - 5 * 60_000 }, NOW)).toBe(
      'Expired 5 min ago, refreshes on next use',
    );
    expect(describeToken({ state: 'signin-required' }, NOW)).toBe('Sign-in required');
  });
});
