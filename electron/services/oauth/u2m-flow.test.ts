import { describe, expect, it } from 'vitest';
import { parseRedirectUri } from '../../../shared/domain/oauth-client';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { failureOf } from '../../../test/failure-of';
import { freePort } from './loopback.test-support';
import type { TokenClient } from './token-client';
import { runU2mFlow } from './u2m-flow';

const unused = (): never => {
  throw new Error('no token call is expected: the flow is cancelled while it waits for the browser');
};
const tokens: TokenClient = { exchangeCode: unused, refresh: unused, clientCredentials: unused, exchangeToken: unused, revoke: unused };

/** The authorize URL one sign-in sends the browser to (the flow is then cancelled before any code comes back). */
async function authorizeUrl(): Promise<URL> {
  const parsed = parseRedirectUri(`http://127.0.0.1:${await freePort()}/callback`);
  if (!parsed.ok) throw new Error(parsed.problem);
  const cancel = new AbortController();
  let opened = '';
  const flow = runU2mFlow({
    endpoints: { issuer: 'https://ws.example/oidc', authorizationEndpoint: 'https://ws.example/oidc/v1/authorize', tokenEndpoint: 'https://ws.example/oidc/v1/token', revocationEndpoint: undefined, tokenAuthMethods: [] },
    tokens,
    client: { clientId: 'ucbridge-desktop' },
    redirectUris: [parsed.value],
    scopes: ['all-apis', 'offline_access', 'openid'],
    browser: { open: async (url) => void (opened = url) },
    clock: systemClock,
    logger: createLogger({ level: 'error' }),
    signal: cancel.signal,
    context: {},
    onWaiting: () => cancel.abort(),
  });
  expect(await failureOf(flow)).toMatchObject({ code: 'CANCELLED' });
  return new URL(opened);
}

// 32 random bytes, base64url: 43 characters, 256 bits. RFC 6749 §10.10 asks that state be unguessable and RFC 6749
// §10.12 that it bind the callback to this sign-in; OpenID Connect Core §3.1.2.1 asks the same of nonce.
const UNGUESSABLE = /^[A-Za-z0-9_-]{43}$/;

describe('U2M authorize request', () => {
  it('sends a state and a nonce of 32 random bytes each, and a 43-character S256 challenge', async () => {
    const url = await authorizeUrl();
    const p = url.searchParams;
    expect(p.get('state')).toMatch(UNGUESSABLE);
    expect(p.get('nonce')).toMatch(UNGUESSABLE);
    expect(p.get('code_challenge')).toMatch(UNGUESSABLE);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(new Set([p.get('state'), p.get('nonce'), p.get('code_challenge')]).size).toBe(3);
  });

  it('draws new values for every sign-in, spread over the whole alphabet (not a short or fixed value)', async () => {
    const urls = await Promise.all(Array.from({ length: 4 }, () => authorizeUrl()));
    const states = urls.map((u) => u.searchParams.get('state') ?? '');
    const nonces = urls.map((u) => u.searchParams.get('nonce') ?? '');
    expect(new Set([...states, ...nonces]).size).toBe(8);
    // 8 × 43 characters of a 64-letter alphabet: a real random source uses far more than a handful of letters.
    expect(new Set([...states, ...nonces].join('')).size).toBeGreaterThan(40);
  });
});
