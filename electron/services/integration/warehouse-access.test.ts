import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { AppFailure } from '../../../shared/result';
import { adminAndAnalyst, sandboxSettings, taskId, type ComposedApp, type Json } from './integration.test-support';
import { grantWarehouseUse } from './warehouse-permissions';

/** The service principal gets CAN_USE on the chosen warehouse when settings are saved, and validation checks it. */
let emulator: RunningEmulator;
let admin: ComposedApp;
let analyst: ComposedApp;
let warehouseId: string;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  [admin, analyst] = await adminAndAnalyst(emulator);
  warehouseId = emulator.warehouses[0]!.id;
});
afterAll(async () => {
  await Promise.all([admin, analyst].map((m) => m.close()));
  await emulator.stop();
});

type Sp = { applicationId: string; displayName: string };
const aclFor = (applicationId: string) => emulator.warehouseRegistry.get(warehouseId)!.acl.filter((e) => e.name === applicationId);
const patches = () => emulator.requestLog.entries({ kind: 'rest' }).filter((e) => e.method === 'PATCH' && e.path === `/api/2.0/permissions/warehouses/${warehouseId}`).length;

async function save(m: ComposedApp, sp: Sp, withWarehouse: boolean): Promise<void> {
  const settings = { ...sandboxSettings(emulator, { servicePrincipal: sp, governed: [] }), ...(withWarehouse ? { warehouseId } : {}) };
  expect(await m.call('integration.saveSettings', { settings })).toMatchObject({ ok: true });
}

async function warehouseTest(m: ComposedApp, id = 'warehouse-access'): Promise<Json> {
  const r = await m.call('integration.validate', { taskId: taskId('validate') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.tests.find((t: Json) => t.id === id);
}

describe('the service principal may use the SQL warehouse', () => {
  it('a created UCBRIDGE_USER fails the test until the settings name the warehouse, then has CAN_USE and passes', async () => {
    const created = await admin.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
    if (!created.ok) throw new Error(created.error.message);
    const sp: Sp = created.value.servicePrincipal;
    await save(admin, sp, false);
    expect(aclFor(sp.applicationId)).toEqual([]);
    const before = await warehouseTest(admin);
    // The set-up grants it (the admin may): a warning saying so, not a failure that would stop the CLI's apply.
    expect(before).toMatchObject({ name: 'Service principal can use the warehouse', status: 'warning', reason: expect.stringMatching(/^Granted by the set-up: /), fix: { kind: 'steps' } });
    expect(before.fix.steps.join(' ')).toContain(`give UCBRIDGE_USER (${sp.applicationId}) \u201cCan use\u201d`);

    await save(admin, sp, true);
    expect(aclFor(sp.applicationId)).toEqual([{ kind: 'service-principal', name: sp.applicationId, level: 'CAN_USE' }]);
    expect(await warehouseTest(admin)).toMatchObject({ status: 'passed', reason: expect.stringContaining('CAN_USE on SQL warehouse') });
  });

  it('saving again does not PATCH again, nor lower a stronger level the principal already holds', async () => {
    const sp = emulator.servicePrincipals.find((s) => !s.admin)!;
    emulator.warehouseRegistry.setAcl(warehouseId, [...emulator.warehouseRegistry.get(warehouseId)!.acl, { kind: 'service-principal', name: sp.applicationId, level: 'CAN_MANAGE' }]);
    const count = patches();
    await save(admin, sp, true);
    await save(admin, sp, true);
    expect(patches()).toBe(count);
    expect(aclFor(sp.applicationId)).toEqual([{ kind: 'service-principal', name: sp.applicationId, level: 'CAN_MANAGE' }]);
  });

  it('an installer who may not grant it still saves; the test fails with the steps, and an admin\u2019s save fixes it', async () => {
    const created = await admin.call('integration.createServicePrincipal', { displayName: 'analyst-picked' });
    if (!created.ok) throw new Error(created.error.message);
    const sp: Sp = created.value.servicePrincipal;
    await save(analyst, sp, true);
    expect(aclFor(sp.applicationId)).toEqual([]);
    expect(await warehouseTest(analyst)).toMatchObject({ status: 'failed', reason: expect.stringContaining('could not run SQL as it') });
    await save(admin, sp, true);
    expect(await warehouseTest(analyst)).toMatchObject({ status: 'passed' });
  });

  it('a refused grant is FORBIDDEN with the steps a workspace admin or CAN_MANAGE holder follows', async () => {
    const rest = analyst.app.session.requireConnection().rest;
    const target = { warehouseId, applicationId: emulator.servicePrincipals[0]!.applicationId, displayName: 'governance-sync' };
    // governance-sync manages the warehouse through `admins`, but holds no direct entry: the PATCH is attempted.
    const refused = await grantWarehouseUse(rest, target).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppFailure);
    expect((refused as AppFailure).error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('may not let governance-sync'),
      hint: expect.stringMatching(/workspace admin, or someone with CAN MANAGE.*Permissions.*Can use/),
    });
  });

  it('saving also gives CAN_USE on an additional workspace\u2019s own warehouse, and validation checks each warehouse', async () => {
    // The additional workspace is the signed-in one (its warehouse's ACL is changed there: a warehouse's permissions
    // are its own, https://docs.databricks.com/api/workspace/warehouses/updatepermissions), on its second warehouse.
    const other = emulator.warehouses[1]!;
    const created = await admin.call('integration.createServicePrincipal', { displayName: 'multi-warehouse' });
    if (!created.ok) throw new Error(created.error.message);
    const sp: Sp = created.value.servicePrincipal;
    const elsewhere = 'https://elsewhere.cloud.databricks.com';
    const settings = {
      ...sandboxSettings(emulator, {
        servicePrincipal: sp,
        governed: [],
        additional: [
          { workspaceUrl: emulator.workspaceUrl, catalogs: ['analytics'], httpPath: other.httpPath },
          { workspaceUrl: elsewhere, catalogs: ['isolated'], httpPath: '/sql/1.0/warehouses/2222222222222222' },
        ],
      }),
      warehouseId,
    };
    const levelOn = (id: string) => emulator.warehouseRegistry.get(id)!.acl.filter((e) => e.name === sp.applicationId).map((e) => e.level);
    expect(levelOn(other.id)).toEqual([]);
    expect(await admin.call('integration.saveSettings', { settings })).toMatchObject({ ok: true });
    expect(levelOn(warehouseId)).toEqual(['CAN_USE']);
    expect(levelOn(other.id)).toEqual(['CAN_USE']);

    const r = await admin.call('integration.validate', { taskId: taskId('validate') });
    if (!r.ok) throw new Error(r.error.message);
    const byId = new Map<string, Json>(r.value.tests.map((t: Json) => [t.id, t]));
    expect(byId.get(`warehouse-access:${emulator.workspaceUrl}`)).toMatchObject({
      name: `Service principal can use the warehouse of ${emulator.workspaceUrl}`,
      status: 'passed',
      reason: expect.stringContaining(`CAN_USE on SQL warehouse ${other.id}, directly`),
    });
    // A warehouse of a workspace ucbridge is not signed in to: neither read nor granted, a warning with the steps.
    expect(byId.get(`warehouse-access:${elsewhere}`)).toMatchObject({ status: 'warning', reason: expect.stringContaining('can neither read nor grant'), fix: { kind: 'steps' } });
  });
});
