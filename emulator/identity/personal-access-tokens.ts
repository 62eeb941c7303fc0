import { randomHex } from './ids';
import { IdentityError } from './model';
import { digest } from './secret-hash';

/** One PAT, without its value. Times are epoch milliseconds; `expiryTime` -1 means "never" (Databricks TokenInfo). */
export interface PatRecord {
  readonly tokenId: string;
  readonly digest: string;
  readonly ownerId: string;
  readonly comment: string;
  readonly creationTime: number;
  readonly expiryTime: number;
  readonly createdById: string;
  readonly createdByUsername: string;
}

export interface NewPat {
  readonly ownerId: string;
  readonly createdById: string;
  readonly createdByUsername: string;
  readonly comment?: string;
  /** Omitted, zero or negative: the token never expires (Databricks `lifetime_seconds`). */
  readonly lifetimeSeconds?: number;
}

export type PatCheck =
  | { readonly ok: true; readonly record: PatRecord }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

/** Databricks PATs are `dapi` followed by 32 hex characters (databricks-oauth.md §5.1 redaction prefixes). */
export const PAT_PATTERN = /^dapi[0-9a-f]{32}$/u;

/** Personal access tokens for users and service principals. Only digests are kept; the value is returned once. */
export class PersonalAccessTokens {
  private readonly byDigest = new Map<string, PatRecord>();
  private readonly listeners = new Set<() => void>();

  constructor(records: readonly PatRecord[] = []) {
    for (const r of records) this.byDigest.set(r.digest, r);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(input: NewPat, now = Date.now()): { readonly value: string; readonly record: PatRecord } {
    const lifetime = input.lifetimeSeconds ?? 0;
    if (!Number.isFinite(lifetime)) throw new IdentityError('invalid', 'lifetime_seconds must be a number');
    const value = `dapi${randomHex(16)}`;
    const record: PatRecord = {
      tokenId: randomHex(32),
      digest: digest(value),
      ownerId: input.ownerId,
      comment: input.comment ?? '',
      creationTime: now,
      expiryTime: lifetime > 0 ? now + Math.floor(lifetime) * 1000 : -1,
      createdById: input.createdById,
      createdByUsername: input.createdByUsername,
    };
    this.byDigest.set(record.digest, record);
    this.emit();
    return { value, record };
  }

  check(value: string, now = Date.now()): PatCheck {
    if (!PAT_PATTERN.test(value)) return { ok: false, reason: 'unknown' };
    const record = this.byDigest.get(digest(value));
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.expiryTime !== -1 && record.expiryTime <= now) return { ok: false, reason: 'expired' };
    return { ok: true, record };
  }

  list(): readonly PatRecord[] {
    return [...this.byDigest.values()].sort((a, b) => a.creationTime - b.creationTime);
  }

  get(tokenId: string): PatRecord | undefined {
    return this.list().find((r) => r.tokenId === tokenId);
  }

  delete(tokenId: string): boolean {
    const record = this.get(tokenId);
    if (!record) return false;
    this.byDigest.delete(record.digest);
    this.emit();
    return true;
  }

  /** A deleted principal's tokens die with it. */
  deleteOwnedBy(ownerId: string): void {
    const owned = this.list().filter((r) => r.ownerId === ownerId);
    for (const r of owned) this.byDigest.delete(r.digest);
    if (owned.length > 0) this.emit();
  }

  deleteAll(): void {
    this.byDigest.clear();
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
