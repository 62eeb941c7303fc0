import { describe, expect, it } from 'vitest';
import { authFailure } from '../../../shared/domain/auth-failures';
import { failureOf } from '../../../test/failure-of';
import { createLogger, type LogRecord } from '../../logging';
import type { Clock } from '../../ports';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/http-client';
import type { OAuthEndpoints } from './discovery';
import { createTokenClient, JWT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from './token-client';

const NOW = Date.UTC(2026, 0, 1);
const clock: Clock = { now: () => NOW, sleep: async () => undefined };
const endpoints: OAuthEndpoints = { issuer: 'https://ws.example/oidc', authorizationEndpoint: 'https://ws.example/oidc/v1/authorize', tokenEndpoint: 'https://ws.example/oidc/v1/token', revocationEndpoint: undefined, tokenAuthMethods: [] };

/** A token endpoint that answers what the test says and records each request. */
function endpoint(answer: Partial<HttpResponse> & { json?: unknown } = {}) {
  const sent: HttpRequest[] = [];
  const http: HttpClient = {
    async send(req) {
      sent.push(req);
      return { status: answer.status ?? 200, headers: {}, text: answer.text ?? JSON.stringify(answer.json ?? { access_token: 'at', token_type: 'Bearer', expires_in: 3600 }), serverDate: answer.serverDate };
    },
  };
  return { http, sent };
}

const client = (e: ReturnType<typeof endpoint>, over: Partial<OAuthEndpoints> = {}) =>
  createTokenClient({ http: e.http, endpoints: { ...endpoints, ...over }, clock, logger: createLogger({ level: 'error' }), context: { host: 'ws.example' } });
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('token client requests (RFC 6749, RFC 8693, RFC 7009)', () => {
  it('exchanges a code as a public client: the id in the form, PKCE verifier and redirect URI, no Authorization', async () => {
    const e = endpoint();
    await client(e).exchangeCode({ client: { clientId: 'ucbridge-desktop' }, code: 'c0de', verifier: 'v3r', redirectUri: 'http://localhost:8020/callback' });
    expect(e.sent).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: endpoints.tokenEndpoint,
        form: { grant_type: 'authorization_code', code: 'c0de', code_verifier: 'v3r', redirect_uri: 'http://localhost:8020/callback', client_id: 'ucbridge-desktop' },
        headers: {},
      }),
    ]);
  });

  it('a confidential client authenticates with Basic (id and secret form-encoded first) unless the server lists only client_secret_post', async () => {
    const secretClient = { clientId: 'app:1', clientSecret: 's+cr/t' };
    for (const methods of [[], ['client_secret_basic'], ['client_secret_post', 'client_secret_basic']]) {
      const e = endpoint();
      await client(e, { tokenAuthMethods: methods }).refresh({ client: secretClient, refreshToken: 'rt' });
      expect(e.sent[0], methods.join()).toMatchObject({ form: { grant_type: 'refresh_token', refresh_token: 'rt' }, headers: { authorization: basic('app:1', 's+cr/t') } });
      expect(e.sent[0]?.form, methods.join()).not.toHaveProperty('client_secret');
    }
    const post = endpoint();
    await client(post, { tokenAuthMethods: ['client_secret_post'] }).refresh({ client: secretClient, refreshToken: 'rt' });
    expect(post.sent[0]).toMatchObject({ form: { grant_type: 'refresh_token', refresh_token: 'rt', client_id: 'app:1', client_secret: 's+cr/t' }, headers: {} });
  });

  it('client credentials always use Basic, even where the server lists only client_secret_post (as the Databricks SDKs do)', async () => {
    const e = endpoint();
    await client(e, { tokenAuthMethods: ['client_secret_post'] }).clientCredentials({ client: { clientId: 'sp', clientSecret: 'sec' }, scope: 'all-apis' });
    expect(e.sent[0]).toMatchObject({ form: { grant_type: 'client_credentials', scope: 'all-apis' }, headers: { authorization: basic('sp', 'sec') } });
  });

  it('token exchange sends no client authentication, and client_id only for a service principal', async () => {
    const e = endpoint();
    await client(e).exchangeToken({ subjectToken: 'idp.jwt.x', scope: 'all-apis' });
    await client(e).exchangeToken({ subjectToken: 'idp.jwt.x', clientId: 'sp-app', scope: 'all-apis' });
    const form = { grant_type: TOKEN_EXCHANGE_GRANT, subject_token: 'idp.jwt.x', subject_token_type: JWT_TOKEN_TYPE, scope: 'all-apis' };
    expect(e.sent.map((r) => [r.form, r.headers])).toEqual([
      [form, {}],
      [{ ...form, client_id: 'sp-app' }, {}],
    ]);
    expect(e.sent[0]?.form).not.toHaveProperty('client_id');
  });

  it('revokes only where the server has an endpoint, and says whether it took', async () => {
    const none = endpoint();
    expect(await client(none).revoke({ client: { clientId: 'ucbridge-desktop' }, token: 'rt', hint: 'refresh_token' })).toBe(false);
    expect(none.sent).toEqual([]);
    const yes = endpoint();
    expect(await client(yes, { revocationEndpoint: 'https://ws.example/oidc/v1/revoke' }).revoke({ client: { clientId: 'ucbridge-desktop' }, token: 'rt', hint: 'refresh_token' })).toBe(true);
    expect(yes.sent[0]).toMatchObject({ url: 'https://ws.example/oidc/v1/revoke', form: { token: 'rt', token_type_hint: 'refresh_token', client_id: 'ucbridge-desktop' } });
    expect(yes.sent[0]).toMatchObject({ method: 'POST', what: 'Revoking the sign-in' });
    const no = endpoint({ status: 400, text: '{"error":"unsupported_token_type"}' });
    const records: LogRecord[] = [];
    const logger = createLogger({ sinks: [(r) => records.push(r)] });
    const withLog = createTokenClient({ http: no.http, endpoints: { ...endpoints, revocationEndpoint: 'https://ws.example/oidc/v1/revoke' }, clock, logger, context: {} });
    expect(await withLog.revoke({ client: { clientId: 'x', clientSecret: 'y' }, token: 'at', hint: 'access_token' })).toBe(false);
    expect(records).toMatchObject([{ level: 'warn', message: 'the revocation endpoint refused', fields: { status: 400 } }]);
  });

  it('authenticates a code exchange and a revocation like a refresh: the secret in the form where the server lists only client_secret_post', async () => {
    const secretClient = { clientId: 'app', clientSecret: 'sec' };
    const e = endpoint();
    const c = client(e, { tokenAuthMethods: ['client_secret_post'], revocationEndpoint: 'https://ws.example/oidc/v1/revoke' });
    await c.exchangeCode({ client: secretClient, code: 'x', verifier: 'v', redirectUri: 'r' });
    await c.revoke({ client: secretClient, token: 'rt', hint: 'refresh_token' });
    for (const sent of e.sent) expect(sent).toMatchObject({ form: { client_id: 'app', client_secret: 'sec' }, headers: {} });
    expect(e.sent[0]).toMatchObject({ method: 'POST', what: 'Signing in' });
  });
});

describe('token client answers', () => {
  const jwtWithExp = (exp: number) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.c2ln`;

  it('reads the token set: expiry from expires_in on this clock (a number or digits), else from the JWT', async () => {
    const full = endpoint({ json: { access_token: 'at', expires_in: 3600, refresh_token: 'rt', id_token: 'idt', scope: 'all-apis offline_access' } });
    expect(await client(full).refresh({ client: { clientId: 'c' }, refreshToken: 'old' })).toEqual({ accessToken: 'at', expiresAt: NOW + 3_600_000, obtainedAt: NOW, refreshToken: 'rt', idToken: 'idt', scope: 'all-apis offline_access' });
    const text = endpoint({ json: { access_token: 'at', expires_in: '60' } });
    expect(await client(text).refresh({ client: { clientId: 'c' }, refreshToken: 'old' })).toEqual({ accessToken: 'at', expiresAt: NOW + 60_000, obtainedAt: NOW });
    const fromJwt = endpoint({ json: { access_token: jwtWithExp(NOW / 1000 + 10) } });
    expect((await client(fromJwt).refresh({ client: { clientId: 'c' }, refreshToken: 'old' })).expiresAt).toBe(NOW + 10_000);
    const empty = endpoint({ json: { access_token: 'opaque', refresh_token: '', id_token: '', scope: '' } });
    expect(await client(empty).refresh({ client: { clientId: 'c' }, refreshToken: 'old' }).catch((e: unknown) => e)).toMatchObject({ error: { code: 'AUTH_FAILED' } });
    const noExtras = endpoint({ json: { access_token: 'opaque', id_token: '', scope: '' } });
    expect(await client(noExtras).refresh({ client: { clientId: 'c' }, refreshToken: 'old' })).toEqual({ accessToken: 'opaque', expiresAt: undefined, obtainedAt: NOW });
  });

  it.each([
    ['not JSON', '<html>proxy says no</html>'],
    ['JSON without a token', '{"token_type":"Bearer"}'],
    ['an empty token', '{"access_token":""}'],
    ['a non-numeric expires_in', '{"access_token":"at","expires_in":"soon"}'],
  ])('refuses an answer that is %s', async (_name, text) => {
    expect(await failureOf(client(endpoint({ text })).refresh({ client: { clientId: 'c' }, refreshToken: 'old' }))).toEqual({ code: 'AUTH_FAILED', message: 'The workspace answered the sign-in with something other than a token.' });
  });

  it('turns each grant\'s refusal into its own failure', async () => {
    const refusal = (error: string) => endpoint({ status: 401, text: JSON.stringify({ error }) });
    const ctx = { host: 'ws.example' };
    expect(await failureOf(client(refusal('invalid_client')).exchangeCode({ client: { clientId: 'c', clientSecret: 's' }, code: 'x', verifier: 'v', redirectUri: 'r' }))).toEqual(
      authFailure('wrong-client-secret', { ...ctx, detail: 'invalid_client' }),
    );
    expect(await failureOf(client(refusal('invalid_client')).exchangeCode({ client: { clientId: 'c' }, code: 'x', verifier: 'v', redirectUri: 'r' }))).toEqual(
      authFailure('authorize-error', { ...ctx, detail: 'invalid_client' }),
    );
    // The secret sent in the form (a server listing only client_secret_post) is a secret sent too.
    const postOnly = client(refusal('invalid_client'), { tokenAuthMethods: ['client_secret_post'] });
    expect(await failureOf(postOnly.exchangeCode({ client: { clientId: 'c', clientSecret: 's' }, code: 'x', verifier: 'v', redirectUri: 'r' }))).toEqual(
      authFailure('wrong-client-secret', { ...ctx, detail: 'invalid_client' }),
    );
    expect(await failureOf(client(refusal('invalid_grant')).refresh({ client: { clientId: 'c' }, refreshToken: 'old' }))).toEqual(
      authFailure('signin-required', { ...ctx, detail: 'invalid_grant' }),
    );
    expect(await failureOf(client(refusal('invalid_request')).exchangeToken({ subjectToken: 'a.b.c', scope: 'all-apis' }))).toEqual(
      authFailure('federation-rejected', { ...ctx, detail: 'invalid_request' }),
    );
  });

  it('refuses a non-200 answer even when its body looks like a token', async () => {
    const e = endpoint({ status: 400 });
    expect(await failureOf(client(e).refresh({ client: { clientId: 'c' }, refreshToken: 'old' }))).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('blames the clock when the server\'s Date is more than five minutes off this machine\'s, and only then', async () => {
    const skewed = endpoint({ status: 400, text: '{"error":"invalid_grant"}', serverDate: NOW + 10 * 60_000 });
    expect(await failureOf(client(skewed).exchangeCode({ client: { clientId: 'c' }, code: 'x', verifier: 'v', redirectUri: 'r' }))).toEqual(
      authFailure('clock-skew', { host: 'ws.example', detail: '10 minutes' }),
    );
    const close = endpoint({ status: 400, text: '{"error":"invalid_grant"}', serverDate: NOW - 60_000 });
    expect(await failureOf(client(close).exchangeCode({ client: { clientId: 'c' }, code: 'x', verifier: 'v', redirectUri: 'r' }))).toMatchObject({ message: expect.stringContaining('sign-in code') });
  });

  it('turns a refusal into the failure for that grant, never echoing the secret', async () => {
    const e = endpoint({ status: 401, text: '{"error":"invalid_client","error_description":"Client authentication failed"}' });
    const f = await failureOf(client(e).clientCredentials({ client: { clientId: 'sp', clientSecret: 'dose-super-secret' }, scope: 'all-apis' }));
    expect(f.code).toBe('AUTH_FAILED');
    expect(JSON.stringify(f)).not.toContain('dose-super-secret');
  });
});
