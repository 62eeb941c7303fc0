/**
 * Databricks issues a refresh token whenever `offline_access` is requested (databricks-oauth.md §2.3); oidc-provider
 * follows OIDC Core §11 and drops `offline_access` unless the request also says `prompt=consent`
 * (oauth-loopback-testing.md "Refresh tokens (friction point)"). The sandbox adds `consent` to such requests; the
 * provider's policy no longer forces a consent page for it (provider-factory.ts), so repeat logins stay redirects.
 */
export function withOfflineAccessPrompt(search: string): string {
  const params = new URLSearchParams(search);
  const scopes = (params.get('scope') ?? '').split(' ');
  if (!scopes.includes('offline_access')) return search;
  const prompts = (params.get('prompt') ?? '').split(' ').filter(Boolean);
  if (prompts.includes('none') || prompts.includes('consent')) return search;
  params.set('prompt', [...prompts, 'consent'].join(' '));
  return `?${params.toString()}`;
}
