import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../start';
import { clientCredentialsToken, sandboxFetch, type SandboxFetch } from '../../testing/sandbox-fetch';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: RunningEmulator;
let f: SandboxFetch;
let admin: string;
let analyst: string;
let spId: string;
let applicationId: string;

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  admin = emu.users.find((u) => u.admin)?.token ?? '';
  analyst = emu.users.find((u) => !u.admin)?.token ?? '';
  applicationId = emu.servicePrincipals.find((s) => !s.admin)?.applicationId ?? '';
  spId = emu.identities.directory.byName(applicationId)?.id ?? '';
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const call = async (path: string, init: Parameters<SandboxFetch>[1]): Promise<{ status: number; body: Json }> => {
  const res = await f(path, init);
  return { status: res.status, body: (await res.json()) as Json };
};

describe('service principal OAuth secrets', () => {
  const base = () => `/api/2.0/accounts/servicePrincipals/${spId}/credentials/secrets`;

  it('creates a secret shown once, lists without it, authenticates with it, deletes it', async () => {
    const created = await call(base(), { method: 'POST', token: admin, json: { lifetime: '3600s' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: expect.any(String), secret: expect.stringMatching(/^dose[0-9a-f]{64}$/u), status: 'ACTIVE' });
    expect(Date.parse(created.body.expire_time) - Date.parse(created.body.create_time)).toBe(3_600_000);
    const listed = await call(base(), { token: admin });
    expect(listed.body.secrets.map((s: Json) => s.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    await expect(clientCredentialsToken(f, { applicationId, clientSecret: created.body.secret })).resolves.toEqual(expect.any(String));
    expect((await call(`${base()}/${created.body.id}`, { method: 'DELETE', token: admin })).status).toBe(200);
    await expect(clientCredentialsToken(f, { applicationId, clientSecret: created.body.secret })).rejects.toThrow(/401/u);
  });

  it('refuses non-admins, unknown SPs, bad lifetimes and a sixth secret', async () => {
    expect((await call(base(), { method: 'POST', token: analyst, json: {} })).body.error_code).toBe('PERMISSION_DENIED');
    expect((await call('/api/2.0/accounts/servicePrincipals/123/credentials/secrets', { token: admin })).status).toBe(404);
    expect((await call(base(), { method: 'POST', token: admin, json: { lifetime: 'forever' } })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    for (let i = emu.identities.spSecrets.list(spId).length; i < 5; i += 1) await call(base(), { method: 'POST', token: admin, json: {} });
    const sixth = await call(base(), { method: 'POST', token: admin, json: {} });
    expect(sixth).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('is also served at the account level', async () => {
    const sp = emu.servicePrincipals.find((s) => s.admin);
    const token = await clientCredentialsToken(f, { applicationId: sp?.applicationId ?? '', clientSecret: sp?.clientSecret ?? '' }, `/oidc/accounts/${emu.accountId}`);
    const listed = await call(`/api/2.0/accounts/${emu.accountId}/servicePrincipals/${spId}/credentials/secrets`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.secrets.length).toBeGreaterThan(0);
  });
});

describe('token management (on behalf of service principals)', () => {
  it('creates an OBO PAT for an SP that works as that SP, lists, gets and deletes it', async () => {
    const created = await call('/api/2.0/token-management/on-behalf-of/tokens', { method: 'POST', token: admin, json: { application_id: applicationId, lifetime_seconds: 600, comment: 'governance sync' } });
    expect(created.body.token_value).toMatch(/^dapi[0-9a-f]{32}$/u);
    expect(created.body.token_info).toMatchObject({ comment: 'governance sync', owner_id: Number(spId), created_by_username: 'priya.raman@lakeside.example', workspace_id: Number(emu.workspaceId) });
    expect(created.body.token_info.expiry_time - created.body.token_info.creation_time).toBe(600_000);
    const me = await call('/api/2.0/preview/scim/v2/Me', { token: created.body.token_value });
    expect(me.body.userName).toBe(applicationId);

    const id = created.body.token_info.token_id;
    const listed = await call('/api/2.0/token-management/tokens?created_by_username=PRIYA.RAMAN@lakeside.example', { token: admin });
    expect(listed.body.token_infos.map((t: Json) => t.token_id)).toContain(id);
    expect((await call(`/api/2.0/token-management/tokens/${id}`, { token: admin })).body.token_info.token_id).toBe(id);
    expect((await call(`/api/2.0/token-management/tokens/${id}`, { method: 'DELETE', token: admin })).status).toBe(200);
    expect((await f('/api/2.0/preview/scim/v2/Me', { token: created.body.token_value })).status).toBe(401);
    expect((await call(`/api/2.0/token-management/tokens/${id}`, { token: admin })).body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('refuses non-admins and unknown application ids', async () => {
    expect((await call('/api/2.0/token-management/tokens', { token: analyst })).status).toBe(403);
    const unknown = await call('/api/2.0/token-management/on-behalf-of/tokens', { method: 'POST', token: admin, json: { application_id: 'nope' } });
    expect(unknown).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });
});

describe('self-service tokens', () => {
  it('creates, lists and deletes the caller’s own PATs only', async () => {
    const created = await call('/api/2.0/token/create', { method: 'POST', token: analyst, json: { comment: 'laptop', lifetime_seconds: 60 } });
    expect(created.body.token_info).toMatchObject({ comment: 'laptop', token_id: expect.any(String) });
    const mine = await call('/api/2.0/token/list', { token: analyst });
    expect(mine.body.token_infos.map((t: Json) => t.token_id)).toContain(created.body.token_info.token_id);
    const theirs = await call('/api/2.0/token/list', { token: admin });
    expect(theirs.body.token_infos.map((t: Json) => t.token_id)).not.toContain(created.body.token_info.token_id);
    expect((await call('/api/2.0/token/delete', { method: 'POST', token: admin, json: { token_id: created.body.token_info.token_id } })).status).toBe(404);
    expect((await call('/api/2.0/token/delete', { method: 'POST', token: analyst, json: { token_id: created.body.token_info.token_id } })).status).toBe(200);
    expect((await f('/api/2.0/preview/scim/v2/Me', { token: created.body.token_value })).status).toBe(401);
    expect((await call('/api/2.0/token/create', { method: 'POST', token: analyst, json: { lifetime_seconds: 'soon' } })).status).toBe(400);
  });

  it('rejects an expired PAT with 401', async () => {
    const user = emu.identities.directory.byName(emu.users[1]?.userName ?? '');
    const { value } = emu.identities.pats.create({ ownerId: user?.id ?? '', createdById: user?.id ?? '', createdByUsername: 'x', lifetimeSeconds: 1 }, Date.now() - 5_000);
    const res = await call('/api/2.0/preview/scim/v2/Me', { token: value });
    expect(res).toMatchObject({ status: 401, body: { error_code: 'UNAUTHENTICATED', message: 'Token is expired.' } });
  });
});
