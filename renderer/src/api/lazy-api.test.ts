import { describe, expect, it, vi } from 'vitest';
import { events } from '../../../shared/contract';
import { buildLazyApi, type EventSpecs } from './lazy-api';

const progress = (taskId: string) => ({ taskId, label: 'Signing in', done: 0, total: 0, state: 'running', cancellable: true });

function world() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({ ok: true, value: { channel, input } }));
  const loadEvents = vi.fn(async (): Promise<EventSpecs> => events);
  const api = buildLazyApi(invoke, (name, listener) => (listeners.set(name, listener), () => listeners.delete(name)), loadEvents);
  return { api, invoke, loadEvents, emit: (name: string, payload: unknown) => listeners.get(name)?.(payload) };
}

describe('the harness window.api (no schemas before the first event)', () => {
  it('sends a call by its channel name and reads the reply as a Result', async () => {
    const { api, invoke, loadEvents } = world();
    await expect(api.session.state({})).resolves.toEqual({ ok: true, value: { channel: 'session.state', input: {} } });
    expect(api.session.state).toBe(api.session.state);
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_CONNECTED', message: 'No session.' } });
    await expect(api.session.disconnect({})).resolves.toEqual({ ok: false, error: { code: 'NOT_CONNECTED', message: 'No session.' } });
    invoke.mockResolvedValueOnce({ nonsense: true });
    await expect(api.app.info({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('malformed') } });
    invoke.mockRejectedValueOnce(new Error('socket closed'));
    await expect(api.app.info({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('could not reach') } });
    expect(loadEvents).not.toHaveBeenCalled();
  });

  it('is not a thenable (awaiting it or a domain does not hang)', async () => {
    const { api } = world();
    expect(await api).toBe(api);
    expect(await api.session).toBe(api.session);
  });

  it('loads the schemas with the first event, then delivers valid payloads in order and drops invalid ones', async () => {
    const { api, loadEvents, emit } = world();
    const got: string[] = [];
    const off = api.on('task.progress', (p) => got.push(p.taskId));
    expect(loadEvents).not.toHaveBeenCalled();
    emit('task.progress', progress('task-aaaaaaaa'));
    emit('task.progress', { taskId: 42 });
    emit('task.progress', progress('task-bbbbbbbb'));
    await vi.waitFor(() => expect(got).toEqual(['task-aaaaaaaa', 'task-bbbbbbbb']));
    expect(loadEvents).toHaveBeenCalledTimes(1);
    off();
    emit('task.progress', progress('task-cccccccc'));
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual(['task-aaaaaaaa', 'task-bbbbbbbb']);
  });

  it('delivers nothing queued before an unsubscribe', async () => {
    const { api, emit } = world();
    const got: string[] = [];
    const off = api.on('task.progress', (p) => got.push(p.taskId));
    emit('task.progress', progress('task-aaaaaaaa'));
    off();
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual([]);
  });
});
