/** The authorization request (RFC 6749 §4.1.1 + RFC 7636 §4.3), built in main only — never taken from the renderer. */
export interface AuthorizeRequest {
  readonly authorizationEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge: string;
  readonly nonce?: string;
}

export function buildAuthorizeUrl(r: AuthorizeRequest): string {
  const url = new URL(r.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', r.clientId);
  url.searchParams.set('redirect_uri', r.redirectUri);
  url.searchParams.set('scope', r.scopes.join(' '));
  url.searchParams.set('state', r.state);
  url.searchParams.set('code_challenge', r.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (r.nonce !== undefined) url.searchParams.set('nonce', r.nonce);
  return url.toString();
}
