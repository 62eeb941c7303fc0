import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelList, contract, type UcbridgeApi } from '../../shared/contract';

const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const rendererListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, _input: unknown) => ({ ok: true, value: { cancelled: true } })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      rendererListeners.set(channel, listener);
    }),
    send: vi.fn(),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => void (exposed[key] = value)) };
  return { exposed, rendererListeners, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: UcbridgeApi;
const emit = (message: unknown): void => electron.rendererListeners.get('ucbridge:event')?.({ sender: 'event' }, message);

beforeAll(async () => {
  await import('./index');
  api = electron.exposed.api as UcbridgeApi;
});

describe('preload', () => {
  // First: every later test subscribes.
  it('signals ready only once the page subscribes, one task later, and only once', async () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    const off = api.on('log.entry', () => undefined);
    api.on('task.progress', () => undefined);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('ucbridge:ready');
    off();
    api.on('session.changed', () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.ipcRenderer.send).toHaveBeenCalledTimes(1);
  });

  it('exposes exactly one object, window.api', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(electron.exposed)).toEqual(['api']);
  });

  it('has exactly one method per contract channel, plus on', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    for (const [domain, methods] of Object.entries(contract)) {
      const exposed = (api as unknown as Record<string, Record<string, unknown>>)[domain]!;
      expect(Object.keys(exposed).sort(), domain).toEqual(Object.keys(methods).sort());
      for (const fn of Object.values(exposed)) expect(typeof fn).toBe('function');
    }
    expect(channelList.length).toBeGreaterThan(0);
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const seen = new Set<unknown>();
    const walk = (v: unknown): void => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      for (const child of Object.values(v as object)) walk(child);
    };
    walk(api);
    for (const forbidden of [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]) {
      expect(seen.has(forbidden)).toBe(false);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the prefixed channel with the input and returns the envelope', async () => {
    const result = await api.task.cancel({ taskId: 'task-0001' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('ucbridge:task.cancel', { taskId: 'task-0001' });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('turns a failed invoke into an error value', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'x': boom"));
    const result = await api.app.info({});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('boom');
  });

  it('listens on one event channel only', () => {
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('ucbridge:event', expect.any(Function));
  });

  it('delivers validated payloads without the IPC event, and unsubscribes', () => {
    const received: unknown[] = [];
    const other: unknown[] = [];
    const off = api.on('log.entry', (p) => received.push(p));
    api.on('task.progress', (p) => other.push(p));
    const entry = { time: 1, level: 'info', message: 'hello' };
    emit({ name: 'log.entry', payload: entry });
    emit({ name: 'log.entry', payload: { time: 'bad' } });
    emit('garbage');
    off();
    emit({ name: 'log.entry', payload: entry });
    expect(received).toEqual([entry]);
    expect(other).toEqual([]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const received: unknown[] = [];
    api.on('log.entry', () => {
      throw new Error('listener bug');
    });
    api.on('log.entry', (p) => received.push(p));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    emit({ name: 'log.entry', payload: { time: 2, level: 'warn', message: 'x' } });
    spy.mockRestore();
    expect(received).toHaveLength(1);
  });

  it('refuses unknown events', () => {
    expect(() => api.on('nope' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
