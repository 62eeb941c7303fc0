import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SenderInfo, SenderPolicy } from '../../gateway/sender-policy';
import { composeMain, type MainApp } from '../../main/compose';
import { createNodeMainPorts } from '../../node/node-main-ports';

/** Saved integration state read back through the handlers: corrupt or stale documents never crash the app. */
const sender: SenderInfo = { id: 1, isMainFrame: true, url: 'app://ucbridge/index.html' };
const policy = (): SenderPolicy => ({ trustedIds: new Set([1]), origins: [{ protocol: 'app:', host: 'ucbridge' }] });
let app: MainApp | undefined;
let dir = '';
afterEach(async () => {
  await app?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function startWith(document: string) {
  dir = await mkdtemp(join(tmpdir(), 'ucb-int-record-'));
  await mkdir(join(dir, 'state'), { recursive: true });
  await writeFile(join(dir, 'state', 'integration.json'), document);
  const ports = await createNodeMainPorts({ userDataDir: dir, host: 'harness', policy });
  app = await composeMain(ports);
  return { call: (channel: string, input: unknown = {}) => app!.gateway.dispatch(sender, channel, input), logs: () => ports.logger.recent(200) };
}

const settings = {
  config: {
    workspaceUrl: 'https://lakeside.cloud.databricks.com',
    httpPath: '/sql/1.0/warehouses/abc',
    catalog: 'ucbridge',
    audit: { enabled: true },
    servicePrincipal: { applicationId: '5c0ffee0-0000-4000-8000-00000000beef' },
    governedCatalogs: ['main'],
    additionalWorkspaceConnections: [],
  },
  mode: 'automatic',
  servicePrincipal: { displayName: 'UCBRIDGE_USER', createdByUcbridge: false, secretInVault: false },
};

describe('the saved integration record', () => {
  it('a document of the wrong shape reads as not configured, with a logged note', async () => {
    const { call, logs } = await startWith(JSON.stringify({ v: 1, settings: { config: { catalog: 42 } }, status: 'enabled' }));
    expect(await call('integration.view')).toEqual({ ok: true, value: { settings: null, status: 'not-configured', lastValidation: null, lastApply: null, resumable: null } });
    expect(logs().some((r) => r.level === 'warn' && r.message.includes('integration settings could not be read'))).toBe(true);
  });

  it('a document that is not JSON is set aside at start-up and the step starts empty', async () => {
    const { call } = await startWith('{ "v": 1, "settings": ');
    expect(await call('integration.view')).toMatchObject({ ok: true, value: { status: 'not-configured' } });
    expect(await call('app.info')).toMatchObject({ ok: true, value: { startupNotices: [expect.stringContaining('"integration"')] } });
  });

  it('"applying" left by an app that stopped mid-apply reads as apply-error, and saving still works', async () => {
    const { call } = await startWith(JSON.stringify({ v: 1, settings, status: 'applying', lastValidation: null, lastApply: null, created: [] }));
    expect(await call('integration.view')).toMatchObject({ ok: true, value: { status: 'apply-error', settings: { config: { catalog: 'ucbridge' } } } });
    expect(await call('integration.saveSettings', { settings })).toMatchObject({ ok: true, value: { status: 'apply-error' } });
  });

  it('workspace actions without a session answer NOT_CONNECTED; exports work offline from the settings', async () => {
    const { call } = await startWith(JSON.stringify({ v: 1, settings, status: 'configured', lastValidation: null, lastApply: null, created: [] }));
    for (const [channel, input] of [['integration.listWarehouses', {}], ['integration.plan', { kind: 'setup' }], ['integration.validate', { taskId: 'validate-0001' }]] as const) {
      expect(await call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    }
    // MANAGE on the catalog (the default) needs no schema list: the script is made from the settings alone.
    expect(await call('integration.exportScripts')).toMatchObject({ ok: true, value: [{ name: 'setup.sql', content: expect.stringContaining('MODIFY, MANAGE ON CATALOG `main`') }, {}, {}] });
    expect(await call('integration.exportPayload', { includeSecret: false })).toMatchObject({ ok: true, value: { file: { name: 'integration.json' } } });
  });

  it('with MANAGE per schema: refuses the export until the schema lists are read, then grants MANAGE per listed schema', async () => {
    const perSchema = { ...settings, config: { ...settings.config, manageScope: 'schema' } };
    const signedOut = await startWith(JSON.stringify({ v: 1, settings: perSchema, status: 'configured', lastValidation: null, lastApply: null, created: [] }));
    // Saved signed out: no schema list for main yet, so no script that would leave main's schemas unmanaged.
    expect(await signedOut.call('integration.exportScripts')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('schemas of main'), hint: expect.stringContaining('Sign in') } });
    await app?.dispose();
    const listed = { ...perSchema, config: { ...perSchema.config, governedSchemas: { main: ['sales'] } } };
    const { call } = await startWith(JSON.stringify({ v: 1, settings: listed, status: 'configured', lastValidation: null, lastApply: null, created: [] }));
    expect(await call('integration.exportScripts')).toMatchObject({
      ok: true,
      value: [{ name: 'setup.sql', content: expect.stringContaining('GRANT MANAGE ON SCHEMA `main`.`sales`') }, { name: 'uninstall.sql' }, { name: 'setup_notebook.sql' }],
    });
  });
});
