import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PKCE (RFC 7636) with S256, the only method Databricks advertises (`code_challenge_methods_supported: ["S256"]`,
 * reference databricks-oauth.md §1.1), plus the `state` and `nonce` values of one sign-in.
 */

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** 32 random bytes → a 43-character verifier: the RFC 7636 §4.1 minimum length, 256 bits of entropy. */
export function createVerifier(): string {
  return base64url(randomBytes(32));
}

/** `BASE64URL(SHA256(ASCII(code_verifier)))`, RFC 7636 §4.2: a verifier is base64url, so its UTF-8 bytes are its ASCII ones. */
export function challengeFor(verifier: string): string {
  return base64url(createHash('sha256').update(verifier).digest());
}

/** An unguessable value for `state` or `nonce` (the Go SDK uses 16 bytes; 32 costs nothing). */
export function randomToken(bytes = 32): string {
  return base64url(randomBytes(bytes));
}

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

export function createPkce(): PkcePair {
  const verifier = createVerifier();
  return { verifier, challenge: challengeFor(verifier), method: 'S256' };
}

/** Compares secrets in constant time, so a forged callback learns nothing from response timing. */
export function sameSecret(given: string | null, expected: string): boolean {
  // A missing value (no `state` in the callback) never matches.
  if (given === null) return false;
  const x = Buffer.from(given);
  const y = Buffer.from(expected);
  return x.length === y.length && timingSafeEqual(x, y);
}
