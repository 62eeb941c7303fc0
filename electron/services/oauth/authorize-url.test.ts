import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl } from './authorize-url';

const request = {
  authorizationEndpoint: 'https://ws.example/oidc/v1/authorize',
  clientId: 'ucbridge-desktop',
  redirectUri: 'http://localhost:8020/callback',
  scopes: ['all-apis', 'offline_access'],
  state: 'st4te',
  codeChallenge: 'ch4llenge',
};

describe('buildAuthorizeUrl (RFC 6749 §4.1.1, RFC 7636 §4.3)', () => {
  it('asks for a code with the client, redirect, space-separated scopes, state and S256 challenge', () => {
    const url = new URL(buildAuthorizeUrl(request));
    expect(`${url.origin}${url.pathname}`).toBe(request.authorizationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'ucbridge-desktop',
      redirect_uri: 'http://localhost:8020/callback',
      scope: 'all-apis offline_access',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
    });
  });

  it('adds the nonce only when there is one (openid)', () => {
    expect(new URL(buildAuthorizeUrl({ ...request, nonce: 'n0nce' })).searchParams.get('nonce')).toBe('n0nce');
    expect(new URL(buildAuthorizeUrl(request)).searchParams.has('nonce')).toBe(false);
  });
});
