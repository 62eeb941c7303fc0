/**
 * Which JWT access tokens this process issued, in order, so "revoke every token" can reject everything issued
 * before it. JWT access tokens cannot be revoked by oidc-provider itself ("Structured JWT Tokens cannot be
 * revoked", oauth-loopback-testing.md), so the API gateway asks this ledger on every call.
 */
export class AccessTokenLedger {
  private readonly issued = new Map<string, { readonly seq: number; readonly atMs: number }>();
  private seq = 0;
  private revokedBelow = 0;
  private revokedOnce = false;

  /** `now` is the clock the early-expiry fault reads (tests move a fake one instead of sleeping). */
  constructor(private readonly now: () => number = Date.now) {}

  recordIssued(jti: string, atMs = this.now()): void {
    this.seq += 1;
    this.issued.set(jti, { seq: this.seq, atMs });
  }

  /** Every token issued so far stops working; tokens issued afterwards work. */
  revokeAll(): void {
    this.revokedBelow = this.seq + 1;
    this.revokedOnce = true;
    this.issued.clear();
  }

  isRevoked(jti: string): boolean {
    const entry = this.issued.get(jti);
    // A token this process never issued (persisted from a previous run) is revoked once a revoke-all happened.
    if (!entry) return this.revokedOnce;
    return entry.seq < this.revokedBelow;
  }

  /** When the token was issued (ms), from the ledger when known, else from its `iat`. */
  issuedAtMs(jti: string, iatSeconds: number): number {
    return this.issued.get(jti)?.atMs ?? iatSeconds * 1000;
  }
}
