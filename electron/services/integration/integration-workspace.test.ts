import { readFile, rm, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { allFileText } from '../session/session.test-support';
import { composedWithSandbox, taskId, type ComposedApp } from './integration.test-support';

/** Warehouses, service principals and saved settings through the handlers (composeMain + gateway), on the sandbox. */
let emulator: RunningEmulator;
let main: ComposedApp;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: null, warehouseStartDelayMs: 1200, log: () => undefined });
  main = await composedWithSandbox(emulator);
  dirs.push(main.userDataDir);
});
afterAll(async () => {
  await main.app.dispose();
  await emulator.stop();
  for (const d of dirs) for (const dir of [d, `${d}-exports`]) await rm(dir, { recursive: true, force: true });
});

const settings = (applicationId: string) => ({
  config: {
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'UCBridge_Demo',
    audit: { enabled: true },
    servicePrincipal: { applicationId },
    governedCatalogs: ['main'],
  },
  mode: 'automatic',
  servicePrincipal: { displayName: 'governance-sync', createdByUcbridge: true, secretInVault: true },
});

describe('warehouses', () => {
  it('lists the warehouses with the HTTP path from odbc_params', async () => {
    const r = await main.call('integration.listWarehouses');
    expect(r.ok && r.value).toEqual(
      emulator.warehouses.map((w) => expect.objectContaining({ id: w.id, name: w.name, httpPath: w.httpPath, state: w.state })).sort(),
    );
  });

  it('starts a stopped warehouse and reports STARTING then RUNNING through the task', async () => {
    const stopped = emulator.warehouses.find((w) => w.state === 'STOPPED')!;
    const id = taskId('start');
    const r = await main.call('integration.startWarehouse', { taskId: id, warehouseId: stopped.id });
    expect(r).toMatchObject({ ok: true, value: { id: stopped.id, state: 'RUNNING' } });
    const labels = main.events.filter((e) => e.name === 'task.progress' && e.payload.taskId === id).map((e) => e.payload);
    expect(labels.some((p) => /starting/i.test(p.label))).toBe(true);
    expect(labels.at(-1)).toMatchObject({ state: 'succeeded' });
  });

  it('cancelling the start stops the wait with CANCELLED', async () => {
    emulator.warehouseRegistry.stop(emulator.warehouses[1]!.id);
    const id = taskId('start');
    const running = main.call('integration.startWarehouse', { taskId: id, warehouseId: emulator.warehouses[1]!.id });
    // Started and now waiting for the warehouse (it stays STARTING 1.2 s): the moment to cancel.
    await main.event('task.progress', (p) => p.taskId === id && /\(starting\)/.test(p.label));
    expect(await main.call('task.cancel', { taskId: id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('an unknown warehouse is NOT_FOUND', async () => {
    expect(await main.call('integration.startWarehouse', { taskId: taskId('start'), warehouseId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('service principals', () => {
  it('lists and searches them by display name (SCIM co)', async () => {
    const all = await main.call('integration.listServicePrincipals', {});
    expect(all.ok && all.value.map((s: { applicationId: string }) => s.applicationId).sort()).toEqual(emulator.servicePrincipals.map((s) => s.applicationId).sort());
    const some = await main.call('integration.listServicePrincipals', { search: 'dash"board' });
    expect(some).toEqual({ ok: true, value: [] });
    const one = await main.call('integration.listServicePrincipals', { search: 'DASH' });
    expect(one.ok && one.value).toEqual([expect.objectContaining({ displayName: 'bi-dashboards', active: true })]);
  });

  it('pages through SCIM (startIndex/count) past one page', async () => {
    // Made in the sandbox's store, not by 130 POSTs at once: those are set-up, not the behaviour under test, and
    // on a loaded machine one of 130 parallel connections could drop (POSTs are rightly never retried).
    for (let i = 0; i < 130; i += 1) emulator.identities.store.createServicePrincipal({ displayName: `bulk-sp-${String(i).padStart(3, '0')}` });
    const mark = emulator.requestLog.mark();
    const r = await main.call('integration.listServicePrincipals', { search: 'bulk-sp-' });
    expect(r.ok && r.value.length).toBe(130);
    expect(new Set(r.ok ? r.value.map((s: { id: string }) => s.id) : []).size).toBe(130);
    expect(emulator.requestLog.entries({ after: mark, pathPrefix: '/api/2.0/preview/scim/v2/ServicePrincipals' }).length).toBe(2);
  });

  it('creates UCBRIDGE_USER with a secret kept only in the vault: not in the answer, a log or any file', async () => {
    // An app of its own: it is disposed to flush its files, and the other tests go on with `main`.
    const own = await composedWithSandbox(emulator);
    dirs.push(own.userDataDir);
    onTestFinished(() => own.app.dispose());
    const r = await own.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
    expect(r).toMatchObject({ ok: true, value: { servicePrincipal: { displayName: 'UCBRIDGE_USER', active: true }, secretInVault: true, secretExpiresAt: expect.any(Number) } });
    if (!r.ok) return;
    const appId: string = r.value.servicePrincipal.applicationId;
    const stored = emulator.identities.spSecrets.list(r.value.servicePrincipal.id);
    expect(stored).toHaveLength(1);
    const secret = (await own.spSecret(appId))!.clientSecret;
    expect(secret.length).toBeGreaterThan(16);
    const saved = await own.call('integration.saveSettings', { settings: settings(appId) });
    expect(saved).toMatchObject({ ok: true, value: { status: 'configured', settings: { servicePrincipal: { createdByUcbridge: true, secretInVault: true } } } });
    expect(JSON.stringify([r, saved])).not.toContain(secret);
    expect(JSON.stringify(own.events)).not.toContain(secret);
    await own.app.dispose();
    expect((await allFileText(own.userDataDir)).filter((f) => f.text.includes(secret))).toEqual([]);
    // The secret is the real one: the service principal signs in with it (M2M).
    const asSp = await composedWithSandbox(emulator, { clientId: appId, clientSecret: secret });
    dirs.push(asSp.userDataDir);
    onTestFinished(() => asSp.app.dispose());
    expect(await asSp.call('session.state')).toMatchObject({ ok: true, value: { identity: { kind: 'service-principal', userName: appId } } });
  });
});

describe('exports', () => {
  it('the payload without the secret comes back to the window; with it, main saves a 0600 file and says only where', async () => {
    const created = await main.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
    if (!created.ok) throw new Error(created.error.message);
    const appId: string = created.value.servicePrincipal.applicationId;
    const secret = (await main.spSecret(appId))!.clientSecret;
    await main.call('integration.saveSettings', { settings: settings(appId) });
    const plain = await main.call('integration.exportPayload', { includeSecret: false });
    expect(plain).toMatchObject({ ok: true, value: { savedTo: null, file: { name: 'integration.json' } } });
    expect(plain.ok && JSON.parse(plain.value.file.content)).toMatchObject({ catalog: 'ucbridge_demo', authenticationType: 'oAuthM2M', oAuthClientConfig: { clientId: appId } });
    expect(JSON.stringify(plain)).not.toContain(secret);

    const withSecret = await main.call('integration.exportPayload', { includeSecret: true });
    expect(withSecret).toMatchObject({ ok: true, value: { file: null, savedTo: expect.stringContaining(`${main.userDataDir}-exports`) } });
    expect(JSON.stringify(withSecret)).not.toContain(secret);
    if (!withSecret.ok) return;
    const saved = JSON.parse(await readFile(withSecret.value.savedTo, 'utf8'));
    expect(saved.oAuthClientConfig).toEqual(expect.objectContaining({ clientId: appId, clientSecret: secret }));
    if (process.platform !== 'win32') expect((await stat(withSecret.value.savedTo)).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(main.events)).not.toContain(secret);
    expect((await allFileText(main.userDataDir)).filter((f) => f.text.includes(secret))).toEqual([]);
  });

  it('with no secret in the vault, exporting with the secret says so and writes nothing', async () => {
    await main.call('integration.saveSettings', { settings: settings(emulator.servicePrincipals[1]!.applicationId) });
    expect(await main.call('integration.exportPayload', { includeSecret: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', hint: expect.any(String) } });
  });

  it('exports setup.sql, uninstall.sql and the notebook offline; in manual mode the status becomes manual-pending', async () => {
    // This sandbox has no catalog side, so main cannot read main's schemas: with MANAGE per schema and no list, the
    // export is refused…
    const base = settings(emulator.servicePrincipals[1]!.applicationId);
    await main.call('integration.saveSettings', { settings: { ...base, mode: 'manual', config: { ...base.config, manageScope: 'schema' } } });
    expect(await main.call('integration.exportScripts')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('schemas of main') } });
    // …and a list the settings carry is kept when the workspace cannot be asked.
    await main.call('integration.saveSettings', { settings: { ...base, mode: 'manual', config: { ...base.config, manageScope: 'schema', governedSchemas: { main: ['sales'] } } } });
    const r = await main.call('integration.exportScripts');
    expect(r.ok && r.value.map((f: { name: string }) => f.name)).toEqual(['setup.sql', 'uninstall.sql', 'setup_notebook.sql']);
    expect(r.ok && r.value[0].content).toContain('CREATE CATALOG IF NOT EXISTS `ucbridge_demo`');
    expect(r.ok && r.value[0].content).toContain('GRANT MANAGE ON SCHEMA `main`.`sales`');
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { status: 'manual-pending' } });
  });
});

describe('settings', () => {
  it('saves, reads back lower-cased, and the renderer cannot claim a secret it does not have', async () => {
    const sp = emulator.servicePrincipals[0]!;
    const r = await main.call('integration.saveSettings', { settings: settings(sp.applicationId.toUpperCase()) });
    expect(r).toMatchObject({ ok: true, value: { status: 'configured', settings: { config: { catalog: 'ucbridge_demo', servicePrincipal: { applicationId: sp.applicationId } }, servicePrincipal: { createdByUcbridge: false, secretInVault: false } } } });
    expect(await main.call('integration.setMode', { mode: 'manual' })).toMatchObject({ ok: true, value: { settings: { mode: 'manual' }, status: 'configured' } });
    expect(await main.call('integration.view')).toMatchObject({ ok: true, value: { settings: { mode: 'manual' } } });
  });

  it('refuses a bad catalog name with the rule', async () => {
    const bad = settings(emulator.servicePrincipals[0]!.applicationId);
    const r = await main.call('integration.saveSettings', { settings: { ...bad, config: { ...bad.config, catalog: '1abc' } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses to validate or plan settings made for another workspace than the one signed in to', async () => {
    const other = settings(emulator.servicePrincipals[0]!.applicationId);
    await main.call('integration.saveSettings', { settings: { ...other, config: { ...other.config, workspaceUrl: 'https://elsewhere.cloud.databricks.com' } } });
    for (const [channel, input] of [['integration.plan', { kind: 'setup' }], ['integration.validate', { taskId: taskId('validate') }], ['integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: 'abc' }]] as const) {
      expect(await main.call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('are for elsewhere.cloud.databricks.com') } });
    }
  });

  it('forget clears everything back to not-configured', async () => {
    expect(await main.call('integration.forget')).toMatchObject({ ok: true, value: { settings: null, status: 'not-configured', lastValidation: null } });
  });
});
