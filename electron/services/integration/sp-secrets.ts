import { z } from 'zod';
import type { RestClient } from '../connection/types';
import type { SecretVault } from '../vault/secret-vault';

/**
 * OAuth secrets for a service principal through the workspace-level proxy of the account API (reference
 * databricks-oauth.md §1.2: `/api/2.0/accounts/servicePrincipals/{id}/credentials/secrets`). The response is the
 * only time Databricks shows the secret; it goes straight into the vault and nowhere else.
 */
const CreatedSecretSchema = z.object({ id: z.string(), secret: z.string().min(1), expire_time: z.string().optional() });

/** Two years, Databricks' maximum; the user rotates it in the account console before then. */
const LIFETIME = `${2 * 365 * 24 * 3600}s`;

/** The vault entry of a service principal's secret. Application ids are UUIDs, unique across workspaces. */
export const spSecretKey = (applicationId: string): string => `integration-sp:${applicationId.toLowerCase()}`;

export interface StoredSpSecret {
  readonly secretId: string;
  readonly expiresAt: number | null;
  /** Where the vault really keeps it: the OS keychain, or memory only (no keychain, or it refused). */
  readonly storage: 'keychain' | 'memory-only';
}

export async function createSpSecret(
  deps: { readonly rest: RestClient; readonly vault: SecretVault },
  sp: { readonly scimId: string; readonly applicationId: string },
  signal?: AbortSignal,
): Promise<StoredSpSecret> {
  const res = await deps.rest.request({
    method: 'POST',
    path: `/api/2.0/accounts/servicePrincipals/${encodeURIComponent(sp.scimId)}/credentials/secrets`,
    body: { lifetime: LIFETIME },
    schema: CreatedSecretSchema,
    what: 'Creating an OAuth secret for the service principal',
    ...(signal ? { signal } : {}),
  });
  const expiresAt = res.expire_time ? Date.parse(res.expire_time) : Number.NaN;
  const storage = await deps.vault.put(spSecretKey(sp.applicationId), { clientId: sp.applicationId, clientSecret: res.secret, secretId: res.id });
  return { secretId: res.id, expiresAt: Number.isFinite(expiresAt) ? expiresAt : null, storage };
}

export async function readSpSecret(vault: SecretVault, applicationId: string): Promise<{ readonly clientId: string; readonly clientSecret: string } | undefined> {
  const s = await vault.get(spSecretKey(applicationId));
  return s?.clientId && s.clientSecret ? { clientId: s.clientId, clientSecret: s.clientSecret } : undefined;
}
