import { describe, expect, it } from 'vitest';
import { createEventRouter } from './event-router';

const manual = () => {
  const pending: (() => void)[] = [];
  return { later: (run: () => void) => void pending.push(run), runAll: () => pending.splice(0).forEach((run) => run()) };
};

describe('preload event router', () => {
  it('schedules ready at the first subscription, never at creation, and once', () => {
    const tasks = manual();
    let ready = 0;
    const router = createEventRouter({ signalReady: () => void (ready += 1), later: tasks.later });
    tasks.runAll();
    expect(ready).toBe(0);
    router.subscribe('log.entry', () => undefined);
    router.subscribe('task.progress', () => undefined);
    expect(ready).toBe(0);
    tasks.runAll();
    expect(ready).toBe(1);
    router.subscribe('session.changed', () => undefined);
    tasks.runAll();
    expect(ready).toBe(1);
  });

  it('delivers to the listeners of that event only, and stops after unsubscribe', () => {
    const router = createEventRouter({ signalReady: () => undefined, later: () => undefined });
    const logs: unknown[] = [];
    const progress: unknown[] = [];
    const off = router.subscribe('log.entry', (p) => logs.push(p));
    router.subscribe('task.progress', (p) => progress.push(p));
    router.deliver({ name: 'log.entry', payload: 1 });
    router.deliver({ name: 'log.entry' });
    router.deliver('garbage');
    router.deliver(null);
    router.deliver({ payload: 3 });
    off();
    router.deliver({ name: 'log.entry', payload: 2 });
    expect(logs).toEqual([1, undefined]);
    expect(progress).toEqual([]);
  });

  it('a throwing listener is reported and the others still get the event', () => {
    const errors: unknown[] = [];
    const router = createEventRouter({ signalReady: () => undefined, later: () => undefined, onListenerError: (e) => errors.push(e) });
    const got: unknown[] = [];
    router.subscribe('log.entry', () => {
      throw new Error('listener bug');
    });
    router.subscribe('log.entry', (p) => got.push(p));
    router.deliver({ name: 'log.entry', payload: 'x' });
    expect(got).toEqual(['x']);
    expect(errors).toHaveLength(1);
  });
});
