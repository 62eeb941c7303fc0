import { describe, expect, it } from 'vitest';
import { parseRedirectUri } from '../../../shared/domain/oauth-client';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { failureOf } from '../../../test/failure-of';
import { freePort, rawGet } from './loopback.test-support';
import { RESULT_PATH } from './callback-page';
import { challengeFor } from './pkce';
import type { TokenClient, TokenSet } from './token-client';
import type { LogRecord } from '../../logging';
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

const ENDPOINTS = { issuer: 'https://ws.example/oidc', authorizationEndpoint: 'https://ws.example/oidc/v1/authorize', tokenEndpoint: 'https://ws.example/oidc/v1/token', revocationEndpoint: undefined, tokenAuthMethods: [] };
const idToken = (claims: Record<string, unknown>) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

/** One whole sign-in: a browser that follows the authorize URL straight back to the loopback callback with a code. */
async function signIn(o: { scopes: readonly string[]; answer: (nonce: string | null) => TokenSet | Promise<TokenSet>; browserFails?: boolean; noCallbacks?: boolean }) {
  const parsed = parseRedirectUri(`http://127.0.0.1:${await freePort()}/callback`);
  if (!parsed.ok) throw new Error(parsed.problem);
  const exchanges: { code: string; verifier: string; redirectUri: string }[] = [];
  const steps: string[] = [];
  const records: LogRecord[] = [];
  let challenge = '';
  let nonce: string | null = null;
  const callBack = (authorize: string) => {
    const url = new URL(authorize);
    challenge = url.searchParams.get('code_challenge') ?? '';
    nonce = url.searchParams.get('nonce');
    void rawGet(`${url.searchParams.get('redirect_uri')}?code=c0de&state=${url.searchParams.get('state')}`);
  };
  const flow = runU2mFlow({
    endpoints: ENDPOINTS,
    tokens: {
      ...tokens,
      exchangeCode: async (a) => {
        exchanges.push({ code: a.code, verifier: a.verifier, redirectUri: a.redirectUri });
        return o.answer(nonce);
      },
    },
    client: { clientId: 'ucbridge-desktop' },
    redirectUris: [parsed.value],
    scopes: o.scopes,
    browser: {
      open: async (url) => {
        if (o.browserFails) throw new Error('no browser');
        callBack(url);
      },
    },
    clock: systemClock,
    logger: createLogger({ sinks: [(r) => records.push(r)] }),
    context: { host: 'ws.example' },
    ...(o.noCallbacks
      ? {}
      : {
          onWaiting: (w: { browserOpened: boolean; redirectUri: string; authorizeUrl: string }) => {
            steps.push(`waiting ${w.browserOpened} ${w.redirectUri}`);
            if (o.browserFails) callBack(w.authorizeUrl);
          },
          onExchanging: () => steps.push('exchanging'),
        }),
  });
  const result = await flow.then((v) => ({ ok: true as const, value: v }), (e: unknown) => ({ ok: false as const, error: e }));
  return { result, exchanges, steps, records, challenge: () => challenge, redirectUri: parsed.value.uri };
}

describe('U2M sign-in, start to end', () => {
  it('exchanges the code from the callback with the verifier behind the challenge, and checks the ID token of openid', async () => {
    const tokensBack = (n: string | null): TokenSet => ({ accessToken: 'at', expiresAt: undefined, idToken: idToken({ nonce: n, aud: 'ucbridge-desktop', iss: ENDPOINTS.issuer }) });
    const run = await signIn({ scopes: ['all-apis', 'openid'], answer: tokensBack });
    expect(run.result).toMatchObject({ ok: true, value: { accessToken: 'at' } });
    expect(run.exchanges).toEqual([{ code: 'c0de', verifier: expect.any(String), redirectUri: run.redirectUri }]);
    expect(challengeFor(run.exchanges[0]!.verifier)).toBe(run.challenge());
    expect(run.steps).toEqual([`waiting true ${run.redirectUri}`, 'exchanging']);
  });

  it('refuses a sign-in whose ID token is missing or answers another nonce', async () => {
    const missing = await signIn({ scopes: ['openid'], answer: () => ({ accessToken: 'at', expiresAt: undefined }) });
    expect(missing.result).toMatchObject({ ok: false, error: { error: { code: 'AUTH_FAILED', message: expect.stringContaining('openid was requested but no ID token came back') } } });
    const other = await signIn({ scopes: ['openid'], answer: () => ({ accessToken: 'at', expiresAt: undefined, idToken: idToken({ nonce: 'another', aud: 'ucbridge-desktop' }) }) });
    expect(other.result).toMatchObject({ ok: false, error: { error: { code: 'AUTH_FAILED', message: expect.stringContaining('nonce mismatch') } } });
  });

  it('asks for no ID token without openid', async () => {
    const run = await signIn({ scopes: ['all-apis'], answer: (n) => ({ accessToken: `at-${n}`, expiresAt: undefined }) });
    expect(run.result).toMatchObject({ ok: true, value: { accessToken: 'at-null' } });
  });

  it('goes on when the browser cannot be opened: the user opens the link by hand', async () => {
    const run = await signIn({ scopes: ['all-apis'], browserFails: true, answer: () => ({ accessToken: 'at', expiresAt: undefined }) });
    expect(run.result).toMatchObject({ ok: true });
    expect(run.steps[0]).toBe(`waiting false ${run.redirectUri}`);
    expect(run.records).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'could not open the system browser', fields: { error: expect.objectContaining({ message: 'no browser' }) } }),
    );
  });

  it('passes on a failure of the exchange itself, and the browser\u2019s result page says it failed inside ucbridge', async () => {
    const run = await signIn({ scopes: ['all-apis'], answer: () => Promise.reject(new TypeError('boom')) });
    expect(run.result).toMatchObject({ ok: false, error: { message: 'boom' } });
    const page = await rawGet(new URL(RESULT_PATH, run.redirectUri).href);
    expect(page.body).toContain('<p>Sign-in failed inside ucbridge.</p><p>You can close this tab.</p>');
  });

  it('signs in for a caller that follows no progress (no waiting or exchanging callbacks)', async () => {
    const run = await signIn({ scopes: ['all-apis'], noCallbacks: true, answer: () => ({ accessToken: 'at', expiresAt: undefined }) });
    expect(run.result).toMatchObject({ ok: true, value: { accessToken: 'at' } });
    expect(run.steps).toEqual([]);
  });

  it('stops listening when the flow fails before any callback (here the progress callback throws)', async () => {
    const parsed = parseRedirectUri(`http://127.0.0.1:${await freePort()}/callback`);
    if (!parsed.ok) throw new Error(parsed.problem);
    const flow = runU2mFlow({
      endpoints: ENDPOINTS,
      tokens,
      client: { clientId: 'ucbridge-desktop' },
      redirectUris: [parsed.value],
      scopes: ['all-apis'],
      browser: { open: async () => undefined },
      clock: systemClock,
      logger: createLogger({ level: 'error' }),
      context: {},
      onWaiting: () => {
        throw new Error('the window went away');
      },
    });
    expect(await flow.catch((e: unknown) => e)).toMatchObject({ message: 'the window went away' });
    const refused = await rawGet(parsed.value.uri).then(
      () => 'answered',
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(refused).toBe('ECONNREFUSED');
  });
});
