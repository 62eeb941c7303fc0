import { randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';
import type { Identities } from '../identity';

export interface U2mAppOptions {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  /**
   * The app connection's `token_access_policy.enable_single_use_refresh_tokens`. Off unless set: "For most other
   * published apps and custom OAuth integrations, use the Databricks API to enable this feature"
   * (https://docs.databricks.com/aws/en/integrations/single-use-tokens).
   */
  readonly singleUseRefreshTokens?: boolean;
}

/**
 * The U2M "app connection": a public client (no secret, PKCE) with exact redirect URIs. `application_type: 'web'`
 * is deliberate: oidc-provider ignores the port of loopback redirect URIs for native clients (RFC 8252 §7.3),
 * while Databricks matches host and port exactly (databricks-oauth.md §2.3: dbt #582, cli #3416).
 */
export function u2mClientMetadata(app: U2mAppOptions): ClientMetadata {
  return {
    client_id: app.clientId,
    client_name: 'ucbridge desktop',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [...app.redirectUris],
  };
}

/** Never compared: service principals' real secrets are checked against the secret store (see below). */
const PLACEHOLDER_SECRET = randomBytes(32).toString('base64url');

/**
 * Every active service principal is a confidential client for `client_credentials` with HTTP Basic
 * (databricks-oauth.md §3.1), found by applicationId at request time so SPs created over SCIM work at once.
 */
export function servicePrincipalClients(identities: Identities): Adapter {
  const find = async (id: string): Promise<AdapterPayload | undefined> => {
    const sp = identities.store.servicePrincipalByApplicationId(id);
    if (!sp?.active) return undefined;
    return {
      client_id: sp.applicationId,
      client_name: sp.displayName,
      client_secret: PLACEHOLDER_SECRET,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    };
  };
  const none = async (): Promise<undefined> => undefined;
  return { find, upsert: none, findByUid: none, findByUserCode: none, consume: none, destroy: none, revokeByGrantId: none };
}

interface ClientWithSecretCheck {
  prototype: { compareClientSecret(this: { clientId: string }, actual: string): boolean | Promise<boolean> };
}

/**
 * A Databricks SP may hold up to five live OAuth secrets (databricks-oauth.md §2.7) but an oidc-provider client has
 * exactly one. This provider's own Client class therefore checks the presented secret against the SP's secret store.
 * `compareClientSecret` is the single method oidc-provider's client authentication calls for client_secret_basic and
 * client_secret_post (lib/shared/client_auth.js, v9).
 */
export function checkSecretsAgainstStore(clientClass: unknown, identities: Identities): void {
  (clientClass as ClientWithSecretCheck).prototype.compareClientSecret = function compare(actual: string): boolean {
    const sp = identities.store.servicePrincipalByApplicationId(this.clientId);
    return sp !== undefined && identities.spSecrets.verify(sp.id, actual);
  };
}
