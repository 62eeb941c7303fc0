import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../start';
import { clientCredentialsToken, sandboxFetch, type SandboxFetch } from '../../testing/sandbox-fetch';

/**
 * What the two SCIM levels show differently (scim-level.ts):
 * - account SCIM carries externalId (https://docs.databricks.com/api/account/users/list); workspace SCIM's is
 *   "reserved for future use" (https://docs.databricks.com/api/workspace/users/list) and not returned;
 * - account SCIM pages at most 100 (governance-steps-3-4.md §3.1, docs.databricks.com/api/scim/v1/list-account-users);
 * - the workspace-local system groups admins and users are not account groups
 *   (https://docs.databricks.com/aws/en/admin/users-groups/groups#group-sources); their resourceType value is not
 *   in the docs (silent), the sandbox says WorkspaceGroup;
 * - group membership and `active` at both levels (reference unity-catalog-scim-rest.md §5.2).
 */
const WS = '/api/2.0/preview/scim/v2';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: RunningEmulator;
let f: SandboxFetch;
let admin: string;
let accountToken: string;
let ACCOUNT: string;

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  admin = emu.users.find((u) => u.admin)!.token;
  const sp = emu.servicePrincipals.find((s) => s.admin)!;
  accountToken = await clientCredentialsToken(f, { applicationId: sp.applicationId, clientSecret: sp.clientSecret }, `/oidc/accounts/${emu.accountId}`);
  ACCOUNT = `/api/2.0/accounts/${emu.accountId}/scim/v2`;
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

async function get(path: string, token: string): Promise<Json> {
  const res = await f(path, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}
const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;

describe('SCIM levels', () => {
  it('account SCIM returns externalId; workspace SCIM leaves the reserved field out', async () => {
    const account = (await get(`${ACCOUNT}/Users${q('userName eq "jose.nunez@lakeside.example"')}`, accountToken)).Resources[0];
    expect(account).toMatchObject({ userName: 'jose.nunez@lakeside.example', externalId: 'okta-00u1003', active: true });
    const workspace = (await get(`${WS}/Users${q('userName eq "jose.nunez@lakeside.example"')}`, admin)).Resources[0];
    expect(workspace.userName).toBe('jose.nunez@lakeside.example');
    expect(workspace).not.toHaveProperty('externalId');
    expect((await get(`${WS}/Users/${workspace.id}`, admin))).not.toHaveProperty('externalId');
    const sp = (await get(`${ACCOUNT}/ServicePrincipals${q('displayName eq "bi-dashboards"')}`, accountToken)).Resources[0];
    expect(sp.externalId).toBe('entra-app-3002');
    const group = (await get(`${ACCOUNT}/Groups${q('displayName eq "data-analysts"')}`, accountToken)).Resources[0];
    expect(group.externalId).toBe('okta-grp-2002');
  });

  it('serves group membership and active on account SCIM', async () => {
    const users = (await get(`${ACCOUNT}/Users?attributes=userName,active,groups`, accountToken)).Resources as Json[];
    const jose = users.find((u) => u.userName === 'jose.nunez@lakeside.example')!;
    expect(jose.groups.map((g: Json) => g.display)).toContain('finance-analysts');
    expect(jose).not.toHaveProperty('emails');
    expect(users.find((u) => u.userName === 'tomas.novak@lakeside.example')!.active).toBe(false);
    const analysts = (await get(`${ACCOUNT}/Groups${q('displayName eq "finance-analysts"')}`, accountToken)).Resources[0];
    expect(analysts.members.map((m: Json) => m.display)).toEqual(expect.arrayContaining(['José Núñez', 'Åsa Lindqvist']));
  });

  it('lists workspace-local groups only at the workspace level, marked WorkspaceGroup', async () => {
    const ws = (await get(`${WS}/Groups?attributes=displayName,meta`, admin)).Resources as Json[];
    expect(ws.find((g) => g.displayName === 'admins')!.meta).toEqual({ resourceType: 'WorkspaceGroup' });
    expect(ws.find((g) => g.displayName === 'data-analysts')!.meta).toEqual({ resourceType: 'Group' });
    const account = ((await get(`${ACCOUNT}/Groups?attributes=displayName`, accountToken)).Resources as Json[]).map((g) => g.displayName);
    expect(account).toContain('account users');
    expect(account).not.toContain('admins');
    expect(account).not.toContain('users');
    const admins = ws.find((g) => g.displayName === 'admins')!;
    expect((await f(`${ACCOUNT}/Groups/${admins.id}`, { token: accountToken })).status).toBe(404);
  });

  it('pages account SCIM at most 100 at a time; workspace SCIM takes a bigger count', async () => {
    for (let i = 0; i < 105; i++) {
      const res = await f(`${WS}/Users`, { method: 'POST', token: admin, json: { userName: `bulk${i}@lakeside.example` } });
      expect(res.status).toBe(201);
    }
    const first = await get(`${ACCOUNT}/Users?startIndex=1&count=500&attributes=userName`, accountToken);
    expect(first.itemsPerPage).toBe(100);
    expect(first.Resources).toHaveLength(100);
    expect(first.totalResults).toBeGreaterThan(105);
    const second = await get(`${ACCOUNT}/Users?startIndex=101&count=100&attributes=userName`, accountToken);
    expect(second.startIndex).toBe(101);
    expect(second.itemsPerPage).toBe(first.totalResults - 100);
    expect((await get(`${WS}/Users?count=500`, admin)).itemsPerPage).toBe(first.totalResults);
  });
});
