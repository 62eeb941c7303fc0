import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelList } from '../../shared/contract';
import { PARTNER_USER_AGENT } from '../../shared/product';
import type { SenderInfo, SenderPolicy } from '../gateway/sender-policy';
import { createBasicTextCipher } from '../node/basic-text-cipher';
import { createNodeMainPorts } from '../node/node-main-ports';
import type { SecretCipher } from '../ports';
import { composeMain, type MainApp } from './compose';

const sender: SenderInfo = { id: 1, isMainFrame: true, url: 'app://ucbridge/index.html' };
const policy = (): SenderPolicy => ({ trustedIds: new Set([1]), origins: [{ protocol: 'app:', host: 'ucbridge' }] });

let app: MainApp | undefined;
afterEach(async () => app?.dispose());

async function start(options: { cipher?: SecretCipher; prepare?: (dir: string) => Promise<void> } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-compose-'));
  await options.prepare?.(userDataDir);
  const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy, cipher: options.cipher });
  app = await composeMain(ports);
  return { app, userDataDir, call: (channel: string, input: unknown = {}) => app!.gateway.dispatch(sender, channel, input) };
}

/**
 * A valid input for each channel whose input `{}` is not. Each is checked against the channel's schema first, so the
 * gateway passes it on and the call reaches the handler. Nothing is signed in here, so none of them does anything.
 */
const VALID_INPUT: Readonly<Record<string, unknown>> = {
  'app.setCaCertFile': { path: null },
  'auth.signIn': { taskId: 'signin-0001', workspace: { kind: 'sandbox' }, auth: { method: 'pat', token: 'dapi-not-a-real-token' } },
  'auth.forgetRecent': { url: 'https://adb-1234567890123456.7.azuredatabricks.net' },
  'integration.saveSettings': {
    settings: {
      config: {
        workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net',
        httpPath: '/sql/1.0/warehouses/abc123',
        catalog: 'ucbridge',
        audit: { enabled: false },
        servicePrincipal: { applicationId: '00000000-0000-4000-8000-000000000001' },
        governedCatalogs: ['main'],
      },
      mode: 'automatic',
      servicePrincipal: { displayName: 'governance-sync', createdByUcbridge: false, secretInVault: false },
    },
  },
  'integration.setMode': { mode: 'manual' },
  'integration.startWarehouse': { taskId: 'start-0001', warehouseId: 'abc123' },
  'integration.createServicePrincipal': { displayName: 'UCBRIDGE_USER' },
  'integration.validate': { taskId: 'validate-0001' },
  'integration.enableSystemSchema': { schema: 'access' },
  'integration.plan': { kind: 'setup' },
  'integration.apply': { taskId: 'apply-0001', kind: 'setup', planHash: 'abc' },
  'integration.verify': { taskId: 'verify-0001' },
  'integration.exportPayload': { includeSecret: false },
  'task.cancel': { taskId: 'nothing-running' },
  'metadata.crawl': { taskId: 'crawl-0001' },
  'metadata.children': { parent: [] },
  'metadata.search': { query: 'sales' },
  'metadata.columns': { table: ['main', 'sales', 'orders'] },
  'metadata.table': { table: ['main', 'sales', 'orders'] },
  'metadata.lineage': { table: 'main.sales.orders' },
  'metadata.coverageObjects': { catalog: 'main', measure: 'registered' },
  'metadata.saveRules': { rules: {} },
  'metadata.register': { taskId: 'register-0001', planHash: 'abc' },
  'metadata.exportConnection': { connectionKey: 'ucbridge' },
  'metadata.tagsPlan': { source: { file: '' } },
  'metadata.publishTags': { taskId: 'tags-0001', source: { file: '' }, planHash: 'abc' },
  'metadata.exportTags': { source: { file: '' } },
  'policies.validate': { text: '{}' },
  'policies.plan': { text: '{}' },
  'policies.apply': { text: '{}', taskId: 'policies-0001', kind: 'setup', planHash: 'abc' },
  'policies.preview': { text: '{}', principal: 'someone@example.com', table: 'main.sales.orders' },
  'policies.exportScripts': { text: '{}' },
  'users.importFile': { text: 'id,email\nu1,someone@example.com\n', fileName: 'users.csv' },
  'users.readDirectory': { taskId: 'directory-0001' },
  'users.setChoice': { id: 'u1', principal: 'someone@example.com' },
  'users.clearChoice': { id: 'u1' },
  'users.searchPrincipals': { query: 'some' },
  'users.apply': { taskId: 'users-0001', planHash: 'abc' },
};

describe('composeMain', () => {
  it('has a handler for every channel of the contract, reached with a valid input', async () => {
    const { call } = await start();
    for (const { name, spec } of channelList) {
      const input = VALID_INPUT[name] ?? {};
      const parsed = spec.input.safeParse(input);
      expect(parsed.success, `${name}: add a valid input for it to VALID_INPUT (${parsed.error?.message ?? ''})`).toBe(true);
      const result = await call(name, input);
      // A handler may refuse (NOT_CONNECTED, UNSUPPORTED with no sandbox): that is the handler answering. The
      // gateway's own refusals are an unknown channel, a rejected input and "No handler…".
      if (!result.ok) expect(result.error.message, name).not.toMatch(/^(No handler|Unknown channel)|✖/);
    }
  });

  it('app.info reports version, User-Agent, host and keychain storage', async () => {
    const { call } = await start();
    expect(await call('app.info')).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'ucbridge',
        userAgent: PARTNER_USER_AGENT,
        host: 'harness',
        platform: process.platform,
        secretStorage: 'keychain',
        startupNotices: [],
      }),
    });
  });

  it('app.info reports memory-only with a note when the cipher is not secure', async () => {
    const { call } = await start({ cipher: createBasicTextCipher() });
    const result = await call('app.info');
    expect(result).toMatchObject({ ok: true, value: { secretStorage: 'memory-only' } });
    expect(JSON.stringify(result)).toContain('sign in again after restarting');
  });

  it('starts despite corrupt local state and says so', async () => {
    const { call } = await start({
      prepare: async (dir) => {
        await mkdir(join(dir, 'state'), { recursive: true });
        await writeFile(join(dir, 'state', 'settings.json'), '{ half a document');
      },
    });
    const result = await call('app.info');
    expect(result).toMatchObject({ ok: true, value: { startupNotices: [expect.stringContaining('"settings"')] } });
  });

  it('app.recentLogs serves the redacted ring buffer, and the file gets the same lines', async () => {
    const { call, userDataDir, app: main } = await start();
    await call('session.reauthenticate');
    const logs = await call('app.recentLogs', { limit: 5 });
    expect(logs.ok && logs.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('main process ready') })]),
    );
    await main.dispose();
    expect(await readFile(join(userDataDir, 'logs', 'ucbridge.log'), 'utf8')).toContain('main process ready');
  });

  it('session answers "not connected" until sign-in exists', async () => {
    const { call } = await start();
    expect(await call('session.state')).toMatchObject({ ok: true, value: { token: { state: 'none' }, workspace: null } });
    for (const name of ['session.disconnect', 'session.reauthenticate']) {
      expect(await call(name)).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED', hint: expect.any(String) } });
    }
  });

  it('task.cancel cancels a running task and publishes its state', async () => {
    const { call, app: main } = await start();
    const states: string[] = [];
    main.events.subscribe((name, p) => name === 'task.progress' && states.push((p as { state: string }).state));
    const running = main.tasks.run('crawl-0001', { label: 'Crawling' }, () => new Promise(() => undefined));
    expect(await call('task.cancel', { taskId: 'crawl-0001' })).toEqual({ ok: true, value: { cancelled: true } });
    await expect(running).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    expect(states).toEqual(['running', 'cancelled']);
    expect(await call('task.cancel', { taskId: 'crawl-0001' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('publishes info logs as log.entry events', async () => {
    const { app: main, call } = await start();
    const entries: unknown[] = [];
    main.events.subscribe((name, payload) => name === 'log.entry' && entries.push(payload));
    await main.gateway.dispatch({ ...sender, id: 99 }, 'app.info', {});
    expect(entries).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('untrusted') })]);
    expect(await call('app.info')).toMatchObject({ ok: true });
  });
});
