import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../start';
import { sandboxFetch, type SandboxFetch } from '../../testing/sandbox-fetch';
import { holds } from './warehouse-acl';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: RunningEmulator;
let f: SandboxFetch;
let admin: { userName: string; token: string };
let analyst: { userName: string; token: string };
let warehouse: string;
let sp: string;

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  admin = emu.users.find((u) => u.admin)!;
  analyst = emu.users.find((u) => !u.admin)!;
  warehouse = emu.warehouses[0]!.id;
  sp = emu.servicePrincipals.find((s) => !s.admin)!.applicationId;
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const path = (id = warehouse) => `/api/2.0/permissions/warehouses/${id}`;
const grant = (token: string, acl: unknown, id = warehouse) => f(path(id), { method: 'PATCH', token, json: { access_control_list: acl } });
const read = async (id = warehouse): Promise<Json> => (await (await f(path(id), { token: analyst.token })).json()) as Json;
const levelOf = (body: Json, field: string, name: string) =>
  body.access_control_list.find((e: Json) => e[field] === name)?.all_permissions.map((p: Json) => p.permission_level);

describe('SQL warehouse permissions (/api/2.0/permissions/warehouses/{id})', () => {
  it('serves the default ACL: the creator owns the warehouse, admins manage it, nobody else is listed', async () => {
    expect(await read()).toEqual({
      object_id: `/sql/warehouses/${warehouse}`,
      object_type: 'warehouses',
      access_control_list: [
        { user_name: admin.userName, all_permissions: [{ permission_level: 'IS_OWNER', inherited: false }] },
        { group_name: 'admins', all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }] },
      ],
    });
  });

  it('refuses a non-admin without CAN_MANAGE with 403 PERMISSION_DENIED and changes nothing', async () => {
    const res = await grant(analyst.token, [{ service_principal_name: sp, permission_level: 'CAN_USE' }]);
    expect(res.status).toBe(403);
    expect(((await res.json()) as Json).error_code).toBe('PERMISSION_DENIED');
    expect(levelOf(await read(), 'service_principal_name', sp)).toBeUndefined();
  });

  it('lets an admin grant CAN_USE, idempotently, and a later level replaces the earlier one', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await grant(admin.token, [{ service_principal_name: sp, permission_level: 'CAN_USE' }]);
      expect(res.status).toBe(200);
      expect(levelOf((await res.json()) as Json, 'service_principal_name', sp)).toEqual(['CAN_USE']);
    }
    const after = await read();
    expect(after.access_control_list.filter((e: Json) => e.service_principal_name === sp)).toHaveLength(1);
    expect(levelOf(after, 'user_name', admin.userName)).toEqual(['IS_OWNER']);
    expect((await grant(admin.token, [{ service_principal_name: sp, permission_level: 'CAN_MONITOR' }])).status).toBe(200);
    expect(levelOf(await read(), 'service_principal_name', sp)).toEqual(['CAN_MONITOR']);
  });

  it('lets a CAN_MANAGE holder who is not an admin change the ACL', async () => {
    expect((await grant(admin.token, [{ user_name: analyst.userName, permission_level: 'CAN_MANAGE' }])).status).toBe(200);
    expect((await grant(analyst.token, [{ service_principal_name: sp, permission_level: 'CAN_USE' }])).status).toBe(200);
    expect(levelOf(await read(), 'service_principal_name', sp)).toEqual(['CAN_USE']);
    expect(emu.requestLog.entries({ kind: 'rest' }).some((e) => e.method === 'PATCH' && e.path === path())).toBe(true);
  });

  it('changes only the warehouse in the path: another warehouse of the workspace keeps its own ACL', async () => {
    // https://docs.databricks.com/api/workspace/warehouses/updatepermissions: "Updates the permissions on a SQL
    // warehouse"; ucbridge grants CAN_USE on each warehouse of an integration (the main and additional workspaces').
    const other = emu.warehouses[1]!.id;
    const before = await read(other);
    const who = emu.servicePrincipals.find((s) => s.admin)!.applicationId;
    expect((await grant(admin.token, [{ service_principal_name: who, permission_level: 'CAN_USE' }])).status).toBe(200);
    expect(await read(other)).toEqual(before);
    expect((await grant(admin.token, [{ service_principal_name: who, permission_level: 'CAN_USE' }], other)).status).toBe(200);
    expect(levelOf(await read(other), 'service_principal_name', who)).toEqual(['CAN_USE']);
    expect(levelOf(await read(other), 'user_name', admin.userName)).toEqual(['IS_OWNER']);
  });

  it('answers 404 RESOURCE_DOES_NOT_EXIST for an unknown warehouse', async () => {
    for (const res of [await f(path('0123456789abcdef'), { token: admin.token }), await grant(admin.token, [{ group_name: 'users', permission_level: 'CAN_USE' }], '0123456789abcdef')]) {
      expect(res.status).toBe(404);
      expect(((await res.json()) as Json).error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    }
  });

  it('answers 400 INVALID_PARAMETER_VALUE for unknown principals and malformed bodies', async () => {
    const bad: unknown[] = [
      [{ service_principal_name: '00000000-0000-4000-8000-000000000000', permission_level: 'CAN_USE' }],
      [{ group_name: analyst.userName, permission_level: 'CAN_USE' }],
      [{ service_principal_name: sp, permission_level: 'CAN_FLY' }],
      [{ service_principal_name: sp, permission_level: 'IS_OWNER' }],
      [{ service_principal_name: sp, user_name: analyst.userName, permission_level: 'CAN_USE' }],
      [],
      'CAN_USE',
    ];
    for (const acl of bad) {
      const res = await grant(admin.token, acl);
      expect(res.status, JSON.stringify(acl)).toBe(400);
      expect(((await res.json()) as Json).error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const notJson = await f(path(), { method: 'PATCH', token: admin.token, headers: { 'content-type': 'application/json' }, body: '{"access_control_list":' });
    expect(notJson.status).toBe(400);
  });
});

describe('SQL warehouse permission levels', () => {
  // The SDKs' WarehousePermissionLevel (databricks-sdk-py service/sql.py) and GET …/permissionLevels
  // (https://docs.databricks.com/api/workspace/warehouses/getpermissionlevels): CAN_VIEW sees a warehouse, CAN_USE runs on it.
  it('lists the levels a principal can hold, CAN_VIEW included', async () => {
    const res = await f(`${path()}/permissionLevels`, { token: analyst.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.permission_levels.map((l: Json) => l.permission_level)).toEqual(['CAN_VIEW', 'CAN_USE', 'CAN_MONITOR', 'CAN_MANAGE', 'IS_OWNER']);
    for (const l of body.permission_levels) expect(l.description).toEqual(expect.any(String));
    expect((await f(`${path('nope')}/permissionLevels`, { token: analyst.token })).status).toBe(404);
  });

  it('grants CAN_VIEW, which does not include CAN_USE', async () => {
    const viewer = emu.servicePrincipals.find((s) => s.admin)!.applicationId;
    expect((await grant(admin.token, [{ service_principal_name: viewer, permission_level: 'CAN_VIEW' }])).status).toBe(200);
    expect(levelOf(await read(), 'service_principal_name', viewer)).toEqual(['CAN_VIEW']);
    const acl = emu.warehouseRegistry.get(warehouse)!.acl;
    expect(holds(acl, { kind: 'service-principal', name: viewer, groups: new Set() }, 'CAN_VIEW')).toBe(true);
    expect(holds(acl, { kind: 'service-principal', name: viewer, groups: new Set() }, 'CAN_USE')).toBe(false);
  });
});

describe('SQL warehouse permissions with --data-dir', () => {
  it('keeps a granted ACL across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-acl-'));
    try {
      const first = await startEmulator({ dataDir, catalogSide: null, log: () => undefined });
      const g = sandboxFetch(first.workspaceUrl, first.caCertPem);
      const id = first.warehouses[0]!.id;
      const who = first.servicePrincipals.find((s) => !s.admin)!.applicationId;
      const res = await g(path(id), { method: 'PATCH', token: first.users.find((u) => u.admin)!.token, json: { access_control_list: [{ service_principal_name: who, permission_level: 'CAN_USE' }] } });
      expect(res.status).toBe(200);
      await g.close();
      await first.stop();
      const second = await startEmulator({ dataDir, catalogSide: null, log: () => undefined });
      try {
        expect(second.warehouseRegistry.get(id)?.acl).toContainEqual({ kind: 'service-principal', name: who, level: 'CAN_USE' });
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
