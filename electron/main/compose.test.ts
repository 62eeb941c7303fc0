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

describe('composeMain', () => {
  it('has a handler for every channel of the contract', async () => {
    const { call } = await start();
    for (const { name } of channelList) {
      const result = await call(name, name === 'task.cancel' ? { taskId: 'nothing-running' } : {});
      // A handler may answer UNSUPPORTED itself (auth.startSandbox with no sandbox); the gateway's is "No handler…".
      expect(result.ok || !result.error.message.startsWith('No handler'), name).toBe(true);
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
