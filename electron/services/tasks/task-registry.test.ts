import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/task';
import { AppFailure } from '../../../shared/result';
import { createEventHub } from '../../gateway/event-hub';
import { createLogger } from '../../logging/logger';
import { systemClock } from '../../node/system-clock';
import { createTaskRegistry } from './task-registry';

function setup(minIntervalMs = 100) {
  let now = 0;
  const logger = createLogger({ sinks: [] });
  const events = createEventHub(logger);
  const seen: TaskProgress[] = [];
  events.subscribe((name, payload) => name === 'task.progress' && seen.push(payload as TaskProgress));
  const clock = { now: () => now, sleep: systemClock.sleep };
  const tasks = createTaskRegistry({ events, clock, logger, minIntervalMs });
  return { tasks, seen, advance: (ms: number) => (now += ms) };
}

describe('createTaskRegistry', () => {
  it('publishes running then succeeded, and forgets the task', async () => {
    const { tasks, seen } = setup();
    const value = await tasks.run('task-0001', { label: 'Crawling', total: 3 }, async (t) => {
      expect(tasks.running()).toEqual(['task-0001']);
      t.progress({ done: 3 });
      return 42;
    });
    expect(value).toBe(42);
    expect(seen.map((p) => [p.state, p.done, p.total])).toEqual([
      ['running', 0, 3],
      ['running', 3, 3],
      ['succeeded', 3, 3],
    ]);
    expect(seen.at(-1)?.cancellable).toBe(false);
    expect(tasks.running()).toEqual([]);
  });

  it('throttles intermediate progress but never label changes', async () => {
    const { tasks, seen, advance } = setup(100);
    await tasks.run('task-0002', { label: 'Crawling', total: 1000 }, async (t) => {
      for (let i = 1; i <= 500; i++) {
        advance(1);
        t.progress({ done: i });
      }
      t.progress({ label: 'Registering' });
    });
    const running = seen.filter((p) => p.state === 'running');
    expect(running.length).toBeLessThanOrEqual(8);
    expect(running.at(-1)?.label).toBe('Registering');
    expect(seen.at(-1)).toMatchObject({ state: 'succeeded', done: 1000 });
  });

  it('cancels: the signal aborts, run rejects with CANCELLED at once, state is cancelled', async () => {
    const { tasks, seen } = setup();
    let signal: AbortSignal | undefined;
    const running = tasks.run('task-0003', { label: 'Applying' }, (t) => {
      signal = t.signal;
      return new Promise(() => undefined); // work that never notices the signal
    });
    await Promise.resolve();
    expect(tasks.cancel('task-0003')).toBe(true);
    await expect(running).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    expect(signal?.aborted).toBe(true);
    expect(seen.at(-1)?.state).toBe('cancelled');
    expect(tasks.cancel('task-0003')).toBe(false);
  });

  it('reports failures as failed and rethrows', async () => {
    const { tasks, seen } = setup();
    const boom = new AppFailure({ code: 'SQL_ERROR', message: 'no' });
    await expect(tasks.run('task-0004', { label: 'x' }, async () => Promise.reject(boom))).rejects.toBe(boom);
    expect(seen.at(-1)?.state).toBe('failed');
  });

  it('refuses a second task with the same id, and unknown or uncancellable ids', async () => {
    const { tasks } = setup();
    let release = (): void => undefined;
    const first = tasks.run('task-0005', { label: 'x', cancellable: false }, () => new Promise<void>((r) => (release = r)));
    await expect(tasks.run('task-0005', { label: 'y' }, async () => 1)).rejects.toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(tasks.cancel('task-0005')).toBe(false);
    expect(tasks.cancel('no-such-task')).toBe(false);
    release();
    await first;
  });

  it('cancelAll aborts everything (app quit)', async () => {
    const { tasks } = setup();
    const a = tasks.run('task-000a', { label: 'a', cancellable: false }, () => new Promise(() => undefined));
    const b = tasks.run('task-000b', { label: 'b' }, () => new Promise(() => undefined));
    tasks.cancelAll();
    await expect(a).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    await expect(b).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
  });
});
