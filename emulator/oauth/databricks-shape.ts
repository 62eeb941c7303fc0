import type { KoaContextWithOIDC } from 'oidc-provider';

type Next = () => Promise<unknown>;

// The scope list of Databricks' published discovery document (databricks-oauth.md §1.1, observed capture).
const DATABRICKS_SCOPES = ['all-apis', 'email', 'offline_access', 'openid', 'profile', 'sql'];
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/**
 * Koa middleware that makes oidc-provider's answers look like a Databricks workspace's where the two differ:
 * - discovery lists the resource scopes `all-apis` and `sql` and the token-exchange grant (which the sandbox serves
 *   beside oidc-provider, see token-exchange.ts);
 * - an unknown, expired or reused refresh token gets Databricks' error, `invalid_request` / "Refresh token is
 *   invalid" with HTTP 401, not oidc-provider's `invalid_grant`. The text is what the real server sends
 *   (databricks/cli #667, #709); the status follows the CLI's acceptance fixture
 *   `acceptance/cmd/auth/token/force-refresh-invalid-refresh-token` (databricks-oauth.md §2.6);
 * - without single-use refresh tokens the refresh token stays valid and a refresh answer carries no new one. The
 *   single-use page (https://docs.databricks.com/aws/en/integrations/single-use-tokens) says only that rotation
 *   issues a new token; what a multi-use refresh answers is not documented. The sandbox sends none, the case clients
 *   must survive (the Go SDK keeps its stored refresh token when a response omits one, databricks-oauth.md §2.6).
 */
export const databricksShape = (o: { readonly singleUseRefreshTokens: boolean }) => async (ctx: KoaContextWithOIDC, next: Next): Promise<void> => {
  await next();
  const route = ctx.oidc?.route;
  const body = ctx.body as Record<string, unknown> | undefined;
  if (route === 'discovery' && body) {
    body.scopes_supported = DATABRICKS_SCOPES;
    const grants = body.grant_types_supported;
    if (Array.isArray(grants) && !grants.includes(TOKEN_EXCHANGE_GRANT)) grants.push(TOKEN_EXCHANGE_GRANT);
    return;
  }
  if (route === 'token' && ctx.oidc.params?.grant_type === 'refresh_token' && body?.error === 'invalid_grant') {
    ctx.status = 401;
    ctx.body = { error: 'invalid_request', error_description: 'Refresh token is invalid' };
    return;
  }
  if (route === 'token' && ctx.oidc.params?.grant_type === 'refresh_token' && ctx.status === 200 && body && !o.singleUseRefreshTokens) {
    delete body.refresh_token;
  }
};
