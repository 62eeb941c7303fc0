import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelList } from '../../shared/contract';
import { composeMain, type MainApp } from '../main/compose';
import { createNodeMainPorts } from '../node/node-main-ports';
import { APP_ENTRY_URL, APP_ORIGIN } from '../window-policy/app-url';
import { createIpcBridge, type IpcBridge } from './ipc-bridge';

type Handler = (event: unknown, input?: unknown) => unknown;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, Handler>(), listeners: new Map<string, Handler>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => ipc.handlers.set(channel, handler),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
    on: (channel: string, listener: Handler) => ipc.listeners.set(channel, listener),
    removeListener: (channel: string) => ipc.listeners.delete(channel),
  },
}));

function fakeContents(id: number) {
  const on = new Map<string, (...args: unknown[]) => void>();
  const sent: unknown[] = [];
  let destroyed = false;
  return {
    id,
    sent,
    destroy: () => {
      destroyed = true;
      on.get('destroyed')?.();
    },
    fire: (name: string, ...args: unknown[]) => on.get(name)?.(...args),
    contents: {
      id,
      isDestroyed: () => destroyed,
      send: (channel: string, message: unknown) => sent.push([channel, message]),
      on: (name: string, fn: (...args: unknown[]) => void) => on.set(name, fn),
      once: (name: string, fn: (...args: unknown[]) => void) => on.set(name, fn),
    },
  };
}

const mainFrame = { parent: null, url: APP_ENTRY_URL };
const eventFrom = (id: number, senderFrame: unknown = mainFrame) => ({ sender: { id }, senderFrame });
const invoke = (channel: string, event: unknown, input: unknown = {}) => ipc.handlers.get(`ucbridge:${channel}`)!(event, input);

let main: MainApp;
let bridge: IpcBridge;
let trusted: Set<number>;
let window: ReturnType<typeof fakeContents>;

beforeEach(async () => {
  ipc.handlers.clear();
  ipc.listeners.clear();
  const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-bridge-'));
  trusted = new Set<number>();
  const ports = await createNodeMainPorts({
    userDataDir,
    host: 'electron',
    policy: () => ({ trustedIds: trusted, origins: [APP_ORIGIN] }),
  });
  main = await composeMain(ports);
  bridge = createIpcBridge({ gateway: main.gateway, events: main.events, logger: ports.logger, trusted });
  window = fakeContents(7);
  bridge.attach(window.contents as never);
});
afterEach(async () => {
  bridge.dispose();
  await main.dispose();
});

describe('createIpcBridge: requests', () => {
  it('registers exactly one prefixed handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(channelList.map((c) => `ucbridge:${c.name}`).sort());
  });

  it('answers the trusted window main frame', async () => {
    expect(await invoke('app.info', eventFrom(7))).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  it.each([
    ['a wrong webContents id', eventFrom(8)],
    ['a sub-frame', eventFrom(7, { parent: mainFrame, url: APP_ENTRY_URL })],
    ['a null senderFrame', eventFrom(7, null)],
    ['a frame that throws when read', { sender: { id: 7 }, get senderFrame() { throw new Error('disposed'); } }],
    ['a wrong origin', eventFrom(7, { parent: null, url: 'https://evil.example/' })],
    ['another app host', eventFrom(7, { parent: null, url: 'app://evil/index.html' })],
    ['about:blank', eventFrom(7, { parent: null, url: 'about:blank' })],
  ])('drops %s with FORBIDDEN', async (_name, event) => {
    expect(await invoke('app.info', event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('trusts the attached window, and stops trusting it once destroyed', async () => {
    expect([...trusted]).toEqual([7]);
    window.destroy();
    expect(trusted.size).toBe(0);
    expect(await invoke('app.info', eventFrom(7))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('validates the payload', async () => {
    expect(await invoke('task.cancel', eventFrom(7), { taskId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('removes its handlers on dispose', () => {
    bridge.dispose();
    expect(ipc.handlers.size).toBe(0);
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('createIpcBridge: events', () => {
  const progress = { taskId: 'task-0001', label: 'x', done: 0, total: 0, state: 'running', cancellable: true } as const;
  const progressSent = () => window.sent.filter((m) => (m as [string, { name: string }])[1].name === 'task.progress');

  it('queues events until the window reports ready, then sends them in order', () => {
    main.events.publish('task.progress', progress);
    expect(window.sent).toEqual([]);
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7));
    main.events.publish('task.progress', { ...progress, done: 1 });
    expect(progressSent()).toEqual([
      ['ucbridge:event', { name: 'task.progress', payload: progress }],
      ['ucbridge:event', { name: 'task.progress', payload: { ...progress, done: 1 } }],
    ]);
  });

  it('ignores ready from an untrusted sender or a sub-frame', () => {
    ipc.listeners.get('ucbridge:ready')!(eventFrom(8));
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7, { parent: mainFrame, url: APP_ENTRY_URL }));
    main.events.publish('task.progress', progress);
    expect(window.sent).toEqual([]);
  });

  it('sends nothing to webContents that are not attached', () => {
    const stranger = fakeContents(9);
    ipc.listeners.get('ucbridge:ready')!(eventFrom(9));
    main.events.publish('task.progress', progress);
    expect(stranger.sent).toEqual([]);
  });

  it('checks isDestroyed before sending', () => {
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7));
    window.contents.isDestroyed = () => true;
    main.events.publish('task.progress', progress);
    expect(progressSent()).toEqual([]);
  });

  it('queues again after a reload, until the new page is ready', () => {
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7));
    window.fire('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    main.events.publish('task.progress', progress);
    expect(progressSent()).toEqual([]);
    window.fire('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7));
    expect(progressSent()).toHaveLength(1);
  });

  it('bounds the queue of a window that never gets ready', () => {
    for (let i = 0; i < 600; i++) main.events.publish('task.progress', { ...progress, done: i });
    ipc.listeners.get('ucbridge:ready')!(eventFrom(7));
    const sent = progressSent();
    expect(sent.length).toBeLessThanOrEqual(500);
    expect((sent.at(-1) as [string, { payload: { done: number } }])[1].payload.done).toBe(599);
  });
});
