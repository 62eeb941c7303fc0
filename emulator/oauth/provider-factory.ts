import Provider, { errors, interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Identities } from '../identity';
import type { AccessTokenLedger } from './access-token-ledger';
import { checkSecretsAgainstStore, servicePrincipalClients, u2mClientMetadata, type U2mAppOptions } from './clients';
import type { ConsentMemory } from './consent-memory';
import { databricksShape } from './databricks-shape';
import type { OAuthStorage } from './memory-adapter';
import { renderAuthorizeError } from './authorize-errors';
import type { SigningKey } from './signing-key';

export interface ProviderOptions {
  /** `https://127.0.0.1:<port>/oidc` (workspace) or `…/oidc/accounts/<accountId>` (account). */
  readonly issuer: string;
  /** The path the provider is mounted at, e.g. `/oidc`. */
  readonly mountPath: string;
  /** The resource indicator every access token is for, and its `aud` claim (the workspace or account id). */
  readonly resource: string;
  readonly audience: string;
  readonly identities: Identities;
  readonly u2m: U2mAppOptions;
  readonly signingKey: SigningKey;
  readonly storage: OAuthStorage;
  readonly consents: ConsentMemory;
  readonly ledger: AccessTokenLedger;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly revocation: boolean;
  readonly cookieKeys: readonly string[];
}

// Databricks' U2M scopes (databricks-oauth.md §2.2); M2M gets only `all-apis` ("the only allowed scope for M2M flow",
// @databricks/sql, §3.1).
const U2M_RESOURCE_SCOPES = 'all-apis sql';
const M2M_RESOURCE_SCOPES = 'all-apis';

function interactionRules(): interactionPolicy.Prompt[] {
  const policy = interactionPolicy.base();
  const consent = policy.get('consent');
  // Repeat logins are pure redirects: no forced consent for native clients, and a `prompt=consent` that the
  // sandbox adds itself (see oauth-server.ts, offline_access) must not force the page either.
  consent?.checks.remove('native_client_prompt');
  consent?.checks.remove('consent_prompt');
  return policy;
}

export function createProvider(o: ProviderOptions): Provider {
  const isServicePrincipal = (clientId: string): boolean => o.identities.store.servicePrincipalByApplicationId(clientId) !== undefined;
  const configuration: Configuration = {
    adapter: (name: string) => (name === 'Client' ? servicePrincipalClients(o.identities) : o.storage.adapterFor(`${o.mountPath}:${name}`)),
    clients: [u2mClientMetadata(o.u2m)],
    jwks: { keys: [o.signingKey.privateJwk] },
    cookies: {
      keys: [...o.cookieKeys],
      names: { session: '_db_oauth_session', interaction: '_db_oauth_interaction', resume: '_db_oauth_resume' },
    },
    routes: { authorization: '/v1/authorize', token: '/v1/token', jwks: '/jwks.json', revocation: '/v1/revoke' },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    async findAccount(_ctx, sub) {
      const user = o.identities.store.userByName(sub);
      if (!user?.active) return undefined;
      return {
        accountId: user.userName,
        claims: () => ({
          sub: user.userName,
          email: user.userName,
          email_verified: true,
          name: user.displayName,
          given_name: user.givenName,
          family_name: user.familyName,
          preferred_username: user.userName,
        }),
      };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Databricks documents no revocation endpoint (databricks-oauth.md §1.1); the sandbox can serve one or not.
      // A client may revoke only its own tokens (RFC 7009 §2.1).
      revocation: { enabled: o.revocation, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      introspection: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // Databricks clients never send `resource` (oauth-loopback-testing.md "Scopes, via resource indicators").
        defaultResource: () => o.resource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== o.resource) throw new errors.InvalidTarget();
          return {
            scope: isServicePrincipal(client.clientId) ? M2M_RESOURCE_SCOPES : U2M_RESOURCE_SCOPES,
            audience: o.audience,
            accessTokenTTL: o.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Basic for M2M (databricks-oauth.md §3.1), post as in Databricks' own metadata, none for the public U2M app.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    pkce: { required: () => true },
    responseTypes: ['code'],
    // Single-use (rotating) refresh tokens only where the app connection opts in (clients.ts U2mAppOptions).
    rotateRefreshToken: () => o.u2m.singleUseRefreshTokens === true,
    // Tokens outlive the browser session; otherwise a refresh token dies when the login cookie does.
    expiresWithSession: () => false,
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { session, client, result } = ctx.oidc;
      const clientId = client?.clientId ?? '';
      const grantId =
        result?.consent?.grantId ??
        session?.grantIdFor(clientId) ??
        (session?.accountId ? o.consents.grantIdFor(session.accountId, clientId) : undefined);
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    interactions: {
      url: (_ctx, interaction) => `${o.mountPath}/interaction/${interaction.uid}`,
      policy: interactionRules(),
    },
    renderError: renderAuthorizeError(o.identities.accountId),
    ttl: {
      AccessToken: o.accessTokenTtlSeconds,
      ClientCredentials: o.accessTokenTtlSeconds,
      AuthorizationCode: 120,
      IdToken: o.accessTokenTtlSeconds,
      Interaction: 3600,
      Session: 14 * 86_400,
      Grant: Math.max(o.refreshTokenTtlSeconds, 14 * 86_400),
      RefreshToken: o.refreshTokenTtlSeconds,
    },
    clientBasedCORS: () => false,
  };
  const provider = new Provider(o.issuer, configuration);
  checkSecretsAgainstStore(provider.Client, o.identities);
  provider.use(databricksShape({ singleUseRefreshTokens: o.u2m.singleUseRefreshTokens === true }));
  const record = (token: { jti: string }): void => o.ledger.recordIssued(token.jti);
  provider.on('access_token.issued', record);
  provider.on('client_credentials.issued', record);
  return provider;
}
