import { randomBytes } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { AccessTokenLedger } from './access-token-ledger';
import type { SigningKey } from './signing-key';

export interface MintRequest {
  readonly subject: string;
  readonly clientId: string;
  readonly scope: string;
  readonly expiresInSeconds: number;
}

/**
 * Signs access tokens for the grant oidc-provider does not implement (token exchange) with the same key, header
 * (`typ: at+jwt`, `kid`) and claims as the provider's JWT access tokens, so the API gateway cannot tell them apart.
 */
export class AccessTokenMinter {
  constructor(
    private readonly key: SigningKey,
    private readonly ledger: AccessTokenLedger,
  ) {}

  async mint(issuer: string, audience: string, r: MintRequest): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const jti = randomBytes(32).toString('base64url');
    const token = await new SignJWT({ scope: r.scope, client_id: r.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: this.key.privateJwk.kid ?? '' })
      .setIssuer(issuer)
      .setSubject(r.subject)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + r.expiresInSeconds)
      .setJti(jti)
      .sign(await importJWK(this.key.privateJwk, 'RS256'));
    this.ledger.recordIssued(jti);
    return token;
  }
}
