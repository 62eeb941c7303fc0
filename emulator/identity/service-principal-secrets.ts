import { randomHex } from './ids';
import { IdentityError } from './model';
import { digest, digestMatches } from './secret-hash';

/** Times are epoch milliseconds. */
export interface SpSecretRecord {
  readonly id: string;
  readonly servicePrincipalId: string;
  readonly digest: string;
  readonly createTime: number;
  readonly expireTime: number;
}

// "Each service principal can have up to five OAuth secrets … valid for up to two years"
// (databricks-oauth.md §2.7, docs.databricks.com dev-tools/authentication-oauth).
export const MAX_SECRETS_PER_SP = 5;
const MAX_LIFETIME_SECONDS = 2 * 365 * 24 * 3600;

/** Service principals' OAuth client secrets (`dose…`), shown once at creation and kept only as digests. */
export class ServicePrincipalSecrets {
  private readonly records = new Map<string, SpSecretRecord>();
  private readonly listeners = new Set<() => void>();

  constructor(records: readonly SpSecretRecord[] = []) {
    for (const r of records) this.records.set(r.id, r);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(servicePrincipalId: string, lifetimeSeconds?: number, now = Date.now()): { readonly secret: string; readonly record: SpSecretRecord } {
    if (this.list(servicePrincipalId).length >= MAX_SECRETS_PER_SP) {
      throw new IdentityError('invalid', `A service principal can have at most ${MAX_SECRETS_PER_SP} OAuth secrets.`);
    }
    const lifetime = lifetimeSeconds ?? MAX_LIFETIME_SECONDS;
    if (!Number.isFinite(lifetime) || lifetime <= 0 || lifetime > MAX_LIFETIME_SECONDS) {
      throw new IdentityError('invalid', `lifetime must be between 1 and ${MAX_LIFETIME_SECONDS} seconds`);
    }
    // Databricks OAuth secrets start with `dose` (the prefixes @databricks/sql redacts, databricks-oauth.md §5.1).
    const secret = `dose${randomHex(32)}`;
    const record: SpSecretRecord = {
      id: randomHex(16),
      servicePrincipalId,
      digest: digest(secret),
      createTime: now,
      expireTime: now + Math.floor(lifetime) * 1000,
    };
    this.records.set(record.id, record);
    this.emit();
    return { secret, record };
  }

  list(servicePrincipalId?: string): readonly SpSecretRecord[] {
    const all = [...this.records.values()].sort((a, b) => a.createTime - b.createTime);
    return servicePrincipalId === undefined ? all : all.filter((r) => r.servicePrincipalId === servicePrincipalId);
  }

  delete(servicePrincipalId: string, secretId: string): boolean {
    const record = this.records.get(secretId);
    if (!record || record.servicePrincipalId !== servicePrincipalId) return false;
    this.records.delete(secretId);
    this.emit();
    return true;
  }

  deleteOwnedBy(servicePrincipalId: string): void {
    for (const r of this.list(servicePrincipalId)) this.records.delete(r.id);
    this.emit();
  }

  /** True if `secret` is a live secret of this service principal. */
  verify(servicePrincipalId: string, secret: string, now = Date.now()): boolean {
    return this.list(servicePrincipalId).some((r) => r.expireTime > now && digestMatches(secret, r.digest));
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
