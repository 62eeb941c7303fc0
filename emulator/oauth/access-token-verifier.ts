import { createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';
import type { AccessTokenLedger } from './access-token-ledger';

export type TokenAudience = 'workspace' | 'account';

export type AccessTokenCheck =
  | { readonly ok: true; readonly subject: string; readonly audience: TokenAudience; readonly clientId: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' | 'revoked' };

export interface VerifierOptions {
  readonly publicJwk: JWK;
  readonly issuers: Readonly<Record<TokenAudience, string>>;
  readonly ledger: AccessTokenLedger;
  /** The "tokens expire early" fault: seconds after issue when a token stops working, if set. */
  readonly earlyExpirySeconds: () => number | undefined;
  /** The clock that fault reads; the ledger's issue times come from the same one. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Checks a bearer JWT the way a workspace does: RS256 signature against the sandbox's JWKS, `typ: at+jwt`, a known
 * issuer and `exp` (databricks-oauth.md §2.5 and §8 item 4); then the sandbox's revocation and early-expiry faults.
 */
export class AccessTokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;

  constructor(private readonly options: VerifierOptions) {
    this.keys = createLocalJWKSet({ keys: [options.publicJwk] });
  }

  async verify(token: string): Promise<AccessTokenCheck> {
    const { issuers, ledger } = this.options;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        typ: 'at+jwt',
        issuer: [issuers.workspace, issuers.account],
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      });
      const jti = String(payload.jti);
      if (ledger.isRevoked(jti)) return { ok: false, reason: 'revoked' };
      const early = this.options.earlyExpirySeconds();
      if (early !== undefined && (this.options.now ?? Date.now)() >= ledger.issuedAtMs(jti, payload.iat ?? 0) + early * 1000) {
        return { ok: false, reason: 'expired' };
      }
      const audience: TokenAudience = payload.iss === issuers.account ? 'account' : 'workspace';
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : '';
      return { ok: true, subject: String(payload.sub), audience, clientId };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
