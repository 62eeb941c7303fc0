import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { createHttpClient } from '../http/http-client';
import { DEFAULT_RETRY_POLICY } from '../http/retry-policy';
import { createTlsTrust } from '../http/tls-trust';
import { discoverEndpoints, discoveryUrl } from './discovery';
import { tokenEndpointFailure } from './oauth-errors';
import { failureOf as failure } from '../../../test/failure-of';

let server: Server;
let origin: string;
let metadata: (o: string) => { status: number; body: string } = () => ({ status: 404, body: '' });
const trust = createTlsTrust();
const http = createHttpClient({ trust, clock: systemClock, logger: createLogger({ level: 'error' }) });

beforeAll(async () => {
  server = createServer((req, res) => {
    const m = req.method !== 'GET' ? { status: 405, body: '' } : req.url === '/oidc/.well-known/oauth-authorization-server' ? metadata(origin) : { status: 404, body: '' };
    res.writeHead(m.status, { 'content-type': 'application/json' }).end(m.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await trust.close();
  await new Promise((r) => server.close(r));
});

const doc = (o: Record<string, unknown>) => () => ({ status: 200, body: JSON.stringify(o) });
describe('OAuth discovery', () => {
  it('uses the workspace and account paths every Databricks SDK uses', () => {
    expect(discoveryUrl({ origin: 'https://w.cloud.databricks.com' })).toBe('https://w.cloud.databricks.com/oidc/.well-known/oauth-authorization-server');
    expect(discoveryUrl({ origin: 'https://accounts.cloud.databricks.com', accountId: 'abc' })).toBe(
      'https://accounts.cloud.databricks.com/oidc/accounts/abc/.well-known/oauth-authorization-server',
    );
  });

  it('reads the endpoints, keeping revocation only when advertised on the same host', async () => {
    metadata = (o) => doc({ issuer: `${o}/oidc`, authorization_endpoint: `${o}/oidc/v1/authorize`, token_endpoint: `${o}/oidc/v1/token`, revocation_endpoint: 'https://evil.example/revoke' })();
    expect(await discoverEndpoints(http, { origin })).toEqual({
      issuer: `${origin}/oidc`,
      authorizationEndpoint: `${origin}/oidc/v1/authorize`,
      tokenEndpoint: `${origin}/oidc/v1/token`,
      revocationEndpoint: undefined,
      tokenAuthMethods: [],
    });
  });

  it('refuses a document that sends the code or token anywhere but the chosen host', async () => {
    metadata = (o) => doc({ authorization_endpoint: `${o}/oidc/v1/authorize`, token_endpoint: 'https://evil.example/token' })();
    expect(await failure(discoverEndpoints(http, { origin }))).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('points outside') });
  });

  it('refuses endpoints with user-info or that are not URLs at all', async () => {
    const host = origin.replace('http://', '');
    for (const token of [`http://evil@${host}/oidc/v1/token`, `http://:pw@${host}/oidc/v1/token`, 'not a url']) {
      metadata = (o) => doc({ authorization_endpoint: `${o}/oidc/v1/authorize`, token_endpoint: token })();
      expect(await failure(discoverEndpoints(http, { origin })), token).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('points outside') });
    }
  });

  it('keeps a revocation endpoint and the auth methods a same-host document advertises', async () => {
    metadata = (o) => doc({ authorization_endpoint: `${o}/oidc/v1/authorize`, token_endpoint: `${o}/oidc/v1/token`, revocation_endpoint: `${o}/oidc/v1/revoke`, token_endpoint_auth_methods_supported: ['client_secret_post'] })();
    expect(await discoverEndpoints(http, { origin })).toMatchObject({ issuer: undefined, revocationEndpoint: `${origin}/oidc/v1/revoke`, tokenAuthMethods: ['client_secret_post'] });
  });

  it('names OAuth discovery when the server stays unavailable (503 on every try)', async () => {
    const once = createHttpClient({ trust, clock: systemClock, logger: createLogger({ level: 'error' }), retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } });
    metadata = () => ({ status: 503, body: '' });
    expect(await failure(discoverEndpoints(once, { origin }))).toMatchObject({ code: 'UNAVAILABLE', message: 'OAuth discovery failed: Databricks answered 503.' });
  });

  it('explains a host that is not a Databricks workspace (404, not JSON, missing endpoints)', async () => {
    metadata = () => ({ status: 404, body: '' });
    expect((await failure(discoverEndpoints(http, { origin }))).message).toContain('did not answer OAuth discovery (HTTP 404)');
    metadata = () => ({ status: 200, body: '<html>' });
    expect((await failure(discoverEndpoints(http, { origin }))).message).toContain('not JSON');
    metadata = doc({ issuer: 'x' });
    expect((await failure(discoverEndpoints(http, { origin }))).message).toContain('lacked the authorize or token endpoint');
  });
});

describe('token endpoint refusals', () => {
  const ctx = { host: 'h', clientId: 'c' };
  it('treats every refused refresh as "sign in again", Databricks\' own wording included', () => {
    for (const body of ['{"error":"invalid_request","error_description":"Refresh token is invalid"}', '{"error":"invalid_grant"}']) {
      expect(tokenEndpointFailure({ grant: 'refresh_token', status: 401, bodyText: body, skewMs: 0, confidential: false, ctx }).error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('names clock skew when the server clock differs by more than 5 minutes', () => {
    const e = tokenEndpointFailure({ grant: 'token_exchange', status: 400, bodyText: '{"error":"invalid_grant"}', skewMs: 11 * 60_000, confidential: false, ctx });
    expect(e.error.message).toContain("clock differs from the workspace's by several minutes (11 minutes)");
  });

  it('tells a wrong secret from a refused code, and a server failure from both', () => {
    expect(tokenEndpointFailure({ grant: 'authorization_code', status: 401, bodyText: '{"error":"invalid_client"}', skewMs: undefined, confidential: true, ctx }).error.message).toContain('client secret was refused');
    expect(tokenEndpointFailure({ grant: 'authorization_code', status: 400, bodyText: '{"error":"invalid_grant"}', skewMs: undefined, confidential: false, ctx }).error.message).toContain('did not accept the sign-in code');
    expect(tokenEndpointFailure({ grant: 'client_credentials', status: 502, bodyText: '', skewMs: undefined, confidential: true, ctx }).error.code).toBe('UNAVAILABLE');
  });
});
