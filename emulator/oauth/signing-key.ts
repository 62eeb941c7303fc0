import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/**
 * The sandbox's token-signing key: one RS256 key for every access and ID token (Databricks access tokens are
 * RS256 JWTs with a `kid`, databricks-oauth.md §2.5). Kept in the data dir so tokens survive a restart.
 */
export interface SigningKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  return fromPrivateJwk(await exportJWK(privateKey));
}

export async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const privateJwk: JWK = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  await importJWK(privateJwk, 'RS256'); // fails early on a corrupt persisted key
  const { kty, n, e } = privateJwk;
  return { privateJwk, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } };
}
