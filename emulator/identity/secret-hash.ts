import { createHash, timingSafeEqual } from 'node:crypto';

/** Tokens and secrets are kept only as SHA-256 digests: a persisted data dir never holds a usable credential. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function digestMatches(secret: string, expectedDigest: string): boolean {
  const a = Buffer.from(digest(secret), 'hex');
  const b = Buffer.from(expectedDigest, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
