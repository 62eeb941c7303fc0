import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Demo users' passwords, stored as scrypt hashes so a persisted data dir never holds them in the clear next to the
 * identities. The login page checks them for real (unlike oidc-provider's devInteractions, which accepts anything).
 */
export interface PasswordHash {
  readonly salt: string;
  readonly hash: string;
}

const KEY_LENGTH = 32;
// Low scrypt cost: these are throwaway sandbox passwords and logins must stay fast in browser tests.
const COST = { N: 1024, r: 8, p: 1 } as const;

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), hash: scryptSync(password, salt, KEY_LENGTH, COST).toString('base64') };
}

export function verifyPassword(password: string, stored: PasswordHash): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = scryptSync(password, Buffer.from(stored.salt, 'base64'), KEY_LENGTH, COST);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A readable random password for a seeded demo user. */
export function generatePassword(): string {
  return `Demo-${randomBytes(9).toString('base64url')}`;
}
