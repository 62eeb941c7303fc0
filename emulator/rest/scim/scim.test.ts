import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../start';
import { clientCredentialsToken, sandboxFetch, type SandboxFetch } from '../../testing/sandbox-fetch';

const SCIM = '/api/2.0/preview/scim/v2';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: RunningEmulator;
let ALL_USERS = 0;
let f: SandboxFetch;
let admin: string;
let analyst: string;

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  // The seeded users with credentials, plus the deactivated demo user, who has none (it cannot sign in).
  ALL_USERS = emu.users.length + 1;
  admin = emu.users.find((u) => u.admin)?.token ?? '';
  analyst = emu.users.find((u) => u.userName.startsWith('siobhan'))?.token ?? '';
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

async function get(path: string, token = admin): Promise<Json> {
  const res = await f(path, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

describe('SCIM Me', () => {
  it('returns the caller with names, emails and groups (PAT and SP OAuth token)', async () => {
    const me = await get(`${SCIM}/Me`, analyst);
    expect(me).toMatchObject({ userName: 'siobhan.obrien@lakeside.example', displayName: "Siobhán O'Brien", name: { familyName: "O'Brien" }, active: true });
    expect(me.groups.map((g: Json) => g.display)).toContain('data-analysts');
    const sp = emu.servicePrincipals[1];
    const token = await clientCredentialsToken(f, { applicationId: sp?.applicationId ?? '', clientSecret: sp?.clientSecret ?? '' });
    expect(await get(`${SCIM}/Me`, token)).toMatchObject({ userName: sp?.applicationId, applicationId: sp?.applicationId, displayName: 'bi-dashboards' });
  });
});

describe('SCIM list: filters and pagination', () => {
  it('lists users in the ListResponse shape', async () => {
    const body = await get(`${SCIM}/Users`);
    expect(body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    expect(body).toMatchObject({ totalResults: ALL_USERS, startIndex: 1, itemsPerPage: ALL_USERS });
    expect(body.Resources).toHaveLength(ALL_USERS);
  });

  it('filters with eq, co, sw, and/or and escaped quotes', async () => {
    const q = (filter: string) => get(`${SCIM}/Users?filter=${encodeURIComponent(filter)}`);
    expect((await q('userName eq "JOSE.NUNEZ@lakeside.example"')).Resources.map((u: Json) => u.displayName)).toEqual(['José Núñez']);
    expect((await q("displayName co \"'\"")).totalResults).toBe(2);
    expect((await q('userName sw "li." or displayName eq "Zoë Müller"')).totalResults).toBe(2);
    expect((await q('displayName co "a" and active eq true')).totalResults).toBeGreaterThan(2);
    expect((await get(`${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "data-analysts"')}`)).Resources[0].members.length).toBe(4);
    expect((await q('displayName eq "Siobh\\u00e1n O\'Brien" or displayName eq "say \\"hi\\""')).totalResults).toBe(1);
    const sp = emu.servicePrincipals[0];
    expect((await get(`${SCIM}/ServicePrincipals?filter=${encodeURIComponent(`applicationId eq "${sp?.applicationId}"`)}`)).totalResults).toBe(1);
  });

  it('pages with startIndex/count, including the edges', async () => {
    const total = ALL_USERS;
    const page = async (qs: string) => get(`${SCIM}/Users?${qs}`);
    const first = await page('startIndex=1&count=3');
    const second = await page('startIndex=4&count=3');
    expect(first).toMatchObject({ totalResults: total, startIndex: 1, itemsPerPage: 3 });
    expect(second).toMatchObject({ startIndex: 4, itemsPerPage: 3 });
    expect(new Set([...first.Resources, ...second.Resources].map((u: Json) => u.id)).size).toBe(6);
    expect(await page('count=0')).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
    expect(await page('startIndex=0&count=1')).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    expect(await page('startIndex=-5')).toMatchObject({ startIndex: 1, itemsPerPage: total });
    expect(await page(`startIndex=${total}&count=10`)).toMatchObject({ itemsPerPage: 1 });
    expect(await page(`startIndex=${total + 1}`)).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
    expect(await page('count=-1')).toMatchObject({ itemsPerPage: 0 });
    const sorted = await page('sortBy=userName&sortOrder=descending&attributes=userName');
    expect(sorted.Resources[0]).toEqual({ id: expect.any(String), schemas: expect.any(Array), userName: 'zoe.muller@lakeside.example' });
  });

  it('refuses bad filters and bad numbers with SCIM errors', async () => {
    for (const qs of ['filter=userName%20zz%20%22x%22', 'filter=userName%20eq', 'startIndex=abc', 'count=1.5']) {
      const res = await f(`${SCIM}/Users?${qs}`, { token: admin });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      expect(body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400' });
      expect(['invalidFilter', 'invalidValue']).toContain(body.scimType);
    }
  });
});

describe('SCIM create, get, patch, replace, delete', () => {
  it('creates a user with non-ASCII names, patches it and deletes it', async () => {
    const created = await f(`${SCIM}/Users`, { method: 'POST', token: admin, json: { userName: 'chloé.dubois@lakeside.example', displayName: 'Chloé Dubois', name: { givenName: 'Chloé', familyName: 'Dubois' } } });
    expect(created.status).toBe(201);
    const user = (await created.json()) as Json;
    expect(user.id).toMatch(/^\d{16}$/u);
    const dup = await f(`${SCIM}/Users`, { method: 'POST', token: admin, json: { userName: 'CHLOÉ.dubois@lakeside.example' } });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as Json).scimType).toBe('uniqueness');

    const patched = await f(`${SCIM}/Users/${user.id}`, {
      method: 'PATCH',
      token: admin,
      json: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'name.familyName', value: 'Dubois-Lefèvre' }] },
    });
    expect(((await patched.json()) as Json)).toMatchObject({ active: false, name: { familyName: 'Dubois-Lefèvre' } });
    expect((await get(`${SCIM}/Users/${user.id}`)).active).toBe(false);

    expect((await f(`${SCIM}/Users/${user.id}`, { method: 'DELETE', token: admin })).status).toBe(204);
    const gone = await f(`${SCIM}/Users/${user.id}`, { token: admin });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as Json).status).toBe('404');
  });

  it('manages nested group membership with PatchOp add and remove', async () => {
    const jose = (await get(`${SCIM}/Users?filter=${encodeURIComponent('userName sw "jose"')}`)).Resources[0];
    const parent = (await get(`${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "all-data-users"')}`)).Resources[0];
    const res = await f(`${SCIM}/Groups`, { method: 'POST', token: admin, json: { displayName: 'pricing-squad', members: [{ value: jose.id }] } });
    const group = (await res.json()) as Json;
    expect(group.members).toEqual([{ value: jose.id, display: 'José Núñez', $ref: `Users/${jose.id}` }]);
    const patch = (Operations: unknown[]) => f(`${SCIM}/Groups/${parent.id}`, { method: 'PATCH', token: admin, json: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations } });
    expect((await patch([{ op: 'add', path: 'members', value: [{ value: group.id }] }])).status).toBe(200);
    expect(emu.identities.directory.groupsOf(jose.id).has('pricing-squad')).toBe(true);
    const cycle = await f(`${SCIM}/Groups/${group.id}`, { method: 'PATCH', token: admin, json: { schemas: [], Operations: [{ op: 'add', path: 'members', value: [{ value: parent.id }] }] } });
    expect(cycle.status).toBe(400);
    expect((await patch([{ op: 'remove', path: `members[value eq "${group.id}"]` }])).status).toBe(200);
    const after = await get(`${SCIM}/Groups/${parent.id}`);
    expect(after.members.map((m: Json) => m.value)).not.toContain(group.id);
    const unknown = await f(`${SCIM}/Groups`, { method: 'POST', token: admin, json: { displayName: 'ghosts', members: [{ value: '123' }] } });
    expect(unknown.status).toBe(400);
    expect((await get(`${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "ghosts"')}`)).totalResults).toBe(0);
  });

  it('creates, replaces and deletes a service principal; system groups cannot be deleted', async () => {
    const res = await f(`${SCIM}/ServicePrincipals`, { method: 'POST', token: admin, json: { displayName: 'GOVERNANCE_USER', entitlements: [{ value: 'databricks-sql-access' }] } });
    const sp = (await res.json()) as Json;
    expect(sp.applicationId).toMatch(/^[0-9a-f-]{36}$/u);
    const put = await f(`${SCIM}/ServicePrincipals/${sp.id}`, { method: 'PUT', token: admin, json: { displayName: 'GOVERNANCE_USER_2', active: true } });
    expect(((await put.json()) as Json)).toMatchObject({ displayName: 'GOVERNANCE_USER_2', applicationId: sp.applicationId });
    expect((await f(`${SCIM}/ServicePrincipals/${sp.id}`, { method: 'DELETE', token: admin })).status).toBe(204);
    const admins = (await get(`${SCIM}/Groups?filter=displayName%20eq%20%22admins%22`)).Resources[0];
    expect((await f(`${SCIM}/Groups/${admins.id}`, { method: 'DELETE', token: admin })).status).toBe(400);
    expect((await f(`${SCIM}/Users/${admins.id}`, { token: admin })).status).toBe(404);
  });

  it('lets non-admins read but not write', async () => {
    expect((await f(`${SCIM}/Groups`, { token: analyst })).status).toBe(200);
    const res = await f(`${SCIM}/Groups`, { method: 'POST', token: analyst, json: { displayName: 'shadow-admins' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Json)).toMatchObject({ status: '403', detail: expect.stringContaining('admins') });
  });
});

describe('account SCIM', () => {
  it('serves the same identities to account-level OAuth tokens, for this account only', async () => {
    const sp = emu.servicePrincipals.find((s) => s.admin);
    const token = await clientCredentialsToken(f, { applicationId: sp?.applicationId ?? '', clientSecret: sp?.clientSecret ?? '' }, `/oidc/accounts/${emu.accountId}`);
    const body = await get(`/api/2.0/accounts/${emu.accountId}/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "finance-analysts"')}`, token);
    expect(body.totalResults).toBe(1);
    expect((await f(`/api/2.0/accounts/00000000-0000-0000-0000-000000000000/scim/v2/Users`, { token })).status).toBe(404);
    expect((await f(`${SCIM}/Me`, { token })).status).toBe(401);
  });
});

describe('audit', () => {
  it('does not break without an audit sink and still logs who called', () => {
    expect(emu.requestLog.entries({ pathPrefix: `${SCIM}/Users`, method: 'POST' }).some((e) => e.principal === 'priya.raman@lakeside.example')).toBe(true);
  });
});
