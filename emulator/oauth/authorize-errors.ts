import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';

type RenderError = NonNullable<Configuration['renderError']>;

const param = (ctx: KoaContextWithOIDC, name: string): string => {
  const value = ctx.oidc?.params?.[name] ?? ctx.query[name];
  return typeof value === 'string' ? value : '';
};

/**
 * Errors that cannot be sent back to the client's redirect URI are shown to the browser as JSON, no redirect, like
 * Databricks: `{"error":"invalid_request","error_description":"redirect_uri '<uri>' not registered for OAuth
 * application '<client_id>'"}` (databricks-oauth.md §2.3 and §8 item 3, dbt-databricks #582 and #640). The text for
 * an unknown client_id is modelled on the same message (exact Databricks wording unconfirmed).
 */
export function renderAuthorizeError(accountId: string): RenderError {
  return (ctx, out) => {
    const clientId = param(ctx, 'client_id');
    let body: Record<string, string>;
    switch (out.error) {
      case 'invalid_redirect_uri':
        body = {
          error: 'invalid_request',
          error_description: `redirect_uri '${param(ctx, 'redirect_uri')}' not registered for OAuth application '${clientId}'`,
        };
        break;
      case 'invalid_client':
        body = {
          error: 'invalid_request',
          error_description: `OAuth application with client_id: '${clientId}' not available in Databricks account '${accountId}'.`,
        };
        break;
      default:
        body = { error: out.error, ...(out.error_description ? { error_description: out.error_description } : {}) };
    }
    ctx.status = ctx.status >= 400 ? ctx.status : 400;
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = JSON.stringify(body);
  };
}
