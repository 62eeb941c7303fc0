import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface SubjectTokenClaims {
  readonly sub: string;
  /** The audience Databricks expects: the account id for account-wide federation (databricks-oauth.md §3.2). */
  readonly aud: string | readonly string[];
  readonly expiresInSeconds?: number;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * A stand-in for an external identity provider (GitHub Actions, Azure AD, Okta …): one RS256 key pair and a helper
 * that mints subject JWTs, so tests and curious users can try token federation without a real IdP.
 */
export class TestIdentityProvider {
  private constructor(
    readonly issuer: string,
    readonly jwks: { readonly keys: readonly JWK[] },
    private readonly key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    private readonly kid: string,
  ) {}

  static async create(issuer = 'https://idp.sandbox.example'): Promise<TestIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new TestIdentityProvider(issuer, { keys: [jwk] }, privateKey, kid);
  }

  async mint(claims: SubjectTokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims.extra })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(claims.sub)
      .setAudience([...(typeof claims.aud === 'string' ? [claims.aud] : claims.aud)])
      .setIssuedAt(now)
      .setExpirationTime(now + (claims.expiresInSeconds ?? 600))
      .setJti(randomUUID())
      .sign(this.key);
  }
}
