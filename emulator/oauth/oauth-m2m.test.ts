import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start';
import { openidFetch } from '../testing/openid-fetch';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';
import { TestIdentityProvider } from './test-identity-provider';

const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

let emu: RunningEmulator;
let f: SandboxFetch;
let options: oidc.DiscoveryRequestOptions;

beforeAll(async () => {
  emu = await startEmulator({ oauth: { accessTokenTtlSeconds: 900 }, catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  options = { [oidc.customFetch]: openidFetch(f.agent) };
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const spBy = (admin: boolean) => emu.servicePrincipals.find((s) => s.admin === admin) ?? { applicationId: '', clientSecret: '', displayName: '', admin };

async function m2mConfig(base = `${emu.workspaceUrl}/oidc`, secret = spBy(true).clientSecret): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(`${base}/.well-known/oauth-authorization-server`), spBy(true).applicationId, undefined, oidc.ClientSecretBasic(secret), options);
}

describe('discovery (openid-client)', () => {
  it('serves the same metadata at both well-known paths, shaped like Databricks', async () => {
    const viaOidc = await oidc.discovery(new URL(`${emu.workspaceUrl}/oidc`), emu.oauth.u2mClientId, undefined, oidc.None(), options);
    const viaRfc8414 = await m2mConfig();
    const m = viaOidc.serverMetadata();
    expect(viaRfc8414.serverMetadata()).toEqual(m);
    expect(m).toMatchObject({
      issuer: `${emu.workspaceUrl}/oidc`,
      authorization_endpoint: `${emu.workspaceUrl}/oidc/v1/authorize`,
      token_endpoint: `${emu.workspaceUrl}/oidc/v1/token`,
      jwks_uri: `${emu.workspaceUrl}/oidc/jwks.json`,
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['all-apis', 'email', 'offline_access', 'openid', 'profile', 'sql'],
      response_types_supported: ['code'],
    });
    expect(m.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    // Databricks documents no revocation endpoint; off by default here (databricks-oauth.md §8 item 2).
    expect(m.revocation_endpoint).toBeUndefined();
    const revoke = await f('/oidc/v1/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=x' });
    expect(revoke.status).toBe(404);
  });

  it('serves account-level discovery under /oidc/accounts/<id>', async () => {
    const config = await oidc.discovery(new URL(`${emu.workspaceUrl}/oidc/accounts/${emu.accountId}`), 'x', undefined, oidc.None(), options);
    expect(config.serverMetadata().token_endpoint).toBe(`${emu.workspaceUrl}/oidc/accounts/${emu.accountId}/v1/token`);
    expect((await f('/oidc/accounts/not-this-account/.well-known/openid-configuration')).status).toBe(404);
  });
});

describe('M2M client_credentials', () => {
  it('issues an RS256 at+jwt with exp and scope all-apis, no refresh token', async () => {
    const tokens = await oidc.clientCredentialsGrant(await m2mConfig(), { scope: 'all-apis' });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'all-apis', expires_in: 900 });
    expect(tokens.refresh_token).toBeUndefined();
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: expect.any(String) });
    const jwks = (await (await f('/oidc/jwks.json')).json()) as { keys: [] };
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), { issuer: `${emu.workspaceUrl}/oidc` });
    expect(payload).toMatchObject({ sub: spBy(true).applicationId, client_id: spBy(true).applicationId, aud: emu.workspaceId, scope: 'all-apis' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
    expect((await f('/api/2.0/preview/scim/v2/Me', { token: tokens.access_token })).status).toBe(200);
  });

  it('accepts any of the SP’s live secrets and refuses wrong ones, other scopes and public clients', async () => {
    const admin = emu.identities.directory.byName(spBy(true).applicationId);
    const second = emu.identities.spSecrets.create(admin?.id ?? '');
    await expect(oidc.clientCredentialsGrant(await m2mConfig(undefined, second.secret), { scope: 'all-apis' })).resolves.toHaveProperty('access_token');
    await expect(oidc.clientCredentialsGrant(await m2mConfig(undefined, 'dose-wrong'), { scope: 'all-apis' })).rejects.toMatchObject({ status: 401 });
    await expect(oidc.clientCredentialsGrant(await m2mConfig(), { scope: 'sql' })).rejects.toMatchObject({ error: 'invalid_scope' });
    const res = await f('/oidc/v1/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=${emu.oauth.u2mClientId}&scope=all-apis` });
    expect(res.status).toBe(400);
  });

  it('issues account-level tokens at the account token endpoint', async () => {
    const tokens = await oidc.clientCredentialsGrant(await m2mConfig(`${emu.workspaceUrl}/oidc/accounts/${emu.accountId}`), { scope: 'all-apis' });
    const res = await f(`/api/2.0/accounts/${emu.accountId}/scim/v2/Users?count=1`, { token: tokens.access_token });
    expect(res.status).toBe(200);
  });
});

describe('token federation (RFC 8693)', () => {
  const exchange = (form: Record<string, string>, base = '/oidc') =>
    f(`${base}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  it('exchanges an IdP JWT account-wide for a token of the user named by its subject', async () => {
    const user = emu.users[2];
    const subject = await emu.federation.testIdp.mint({ sub: user?.userName ?? '', aud: emu.accountId, expiresInSeconds: 300 });
    const res = await exchange({ grant_type: EXCHANGE, subject_token: subject, subject_token_type: JWT_TYPE, scope: 'all-apis' });
    const body = (await res.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', scope: 'all-apis' });
    expect(body.expires_in).toBeLessThanOrEqual(300);
    const me = (await (await f('/api/2.0/preview/scim/v2/Me', { token: body.access_token })).json()) as { userName: string };
    expect(me.userName).toBe(user?.userName);
  });

  it('exchanges per service principal (client_id) against that SP’s policy, via openid-client', async () => {
    const sp = spBy(false);
    const idp = await TestIdentityProvider.create('https://token.actions.githubusercontent.example');
    emu.federation.policies.add({ issuer: idp.issuer, audiences: [emu.accountId], jwks: idp.jwks, servicePrincipal: { applicationId: sp.applicationId, subject: 'repo:lakeside/etl:ref:refs/heads/main' } });
    const config = await oidc.discovery(new URL(`${emu.workspaceUrl}/oidc/.well-known/oauth-authorization-server`), sp.applicationId, undefined, oidc.None(), options);
    const good = await idp.mint({ sub: 'repo:lakeside/etl:ref:refs/heads/main', aud: emu.accountId });
    const tokens = await oidc.genericGrantRequest(config, EXCHANGE, { subject_token: good, subject_token_type: JWT_TYPE, scope: 'all-apis' });
    const me = (await (await f('/api/2.0/preview/scim/v2/Me', { token: tokens.access_token })).json()) as { userName: string };
    expect(me.userName).toBe(sp.applicationId);
    const wrongSubject = await idp.mint({ sub: 'repo:attacker/fork:ref:refs/heads/main', aud: emu.accountId });
    await expect(oidc.genericGrantRequest(config, EXCHANGE, { subject_token: wrongSubject, subject_token_type: JWT_TYPE })).rejects.toMatchObject({ error: 'invalid_request' });
  });

  it('refuses untrusted issuers, wrong audiences, expired or malformed subject tokens and bad token types', async () => {
    const stranger = await TestIdentityProvider.create('https://idp.sandbox.example');
    const cases = [
      { subject_token: await stranger.mint({ sub: emu.users[0]?.userName ?? '', aud: emu.accountId }), subject_token_type: JWT_TYPE },
      { subject_token: await emu.federation.testIdp.mint({ sub: emu.users[0]?.userName ?? '', aud: 'someone-else' }), subject_token_type: JWT_TYPE },
      { subject_token: await emu.federation.testIdp.mint({ sub: emu.users[0]?.userName ?? '', aud: emu.accountId, expiresInSeconds: -10 }), subject_token_type: JWT_TYPE },
      { subject_token: await emu.federation.testIdp.mint({ sub: 'nobody@lakeside.example', aud: emu.accountId }), subject_token_type: JWT_TYPE },
      { subject_token: 'not-a-jwt', subject_token_type: JWT_TYPE },
      { subject_token: await emu.federation.testIdp.mint({ sub: emu.users[0]?.userName ?? '', aud: emu.accountId }), subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' },
    ];
    for (const c of cases) {
      const res = await exchange({ grant_type: EXCHANGE, ...c });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
    }
    const unknownSp = await exchange({ grant_type: EXCHANGE, client_id: '00000000-0000-4000-8000-000000000000', subject_token: 'x', subject_token_type: JWT_TYPE });
    expect(unknownSp.status).toBe(401);
  });

  it('works at the account level too', async () => {
    const subject = await emu.federation.testIdp.mint({ sub: emu.users[0]?.userName ?? '', aud: emu.accountId });
    const res = await exchange({ grant_type: EXCHANGE, subject_token: subject, subject_token_type: JWT_TYPE }, `/oidc/accounts/${emu.accountId}`);
    const { access_token: token } = (await res.json()) as { access_token: string };
    expect((await f(`/api/2.0/accounts/${emu.accountId}/scim/v2/Groups?count=1`, { token })).status).toBe(200);
  });
});
