import { beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeBeforeQuit, disposeWithin, type DisposeOutcome } from './dispose-before-quit';

const { app } = await vi.hoisted(async () => {
  const { createFakeApp } = await import('./fake-electron-app.test-support');
  return { app: createFakeApp() };
});
vi.mock('electron', () => ({ app }));

beforeEach(() => app.reset());

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const settle = () => new Promise((r) => setImmediate(r));

describe('dispose before quit', () => {
  it('holds the quit until dispose() has finished, then quits once', async () => {
    const pending = deferred();
    const outcomes: DisposeOutcome[] = [];
    disposeBeforeQuit(() => pending.promise, { onDisposed: (o) => outcomes.push(o) });
    app.quit();
    await settle();
    expect(app.state.quitCount).toBe(0);
    pending.resolve();
    await settle();
    expect(outcomes).toEqual(['disposed']);
    expect(app.state.quitCount).toBe(1);
  });

  it('a second quit while disposing neither quits nor disposes again', async () => {
    const pending = deferred();
    let calls = 0;
    disposeBeforeQuit(() => ((calls += 1), pending.promise));
    app.quit();
    app.quit();
    await settle();
    expect(calls).toBe(1);
    expect(app.state.quitCount).toBe(0);
    pending.resolve();
    await settle();
    expect(app.state.quitCount).toBe(1);
  });

  it('quits after the time limit when dispose() hangs', async () => {
    const outcomes: DisposeOutcome[] = [];
    disposeBeforeQuit(() => new Promise(() => undefined), { limitMs: 20, onDisposed: (o) => outcomes.push(o) });
    app.quit();
    await new Promise((r) => setTimeout(r, 60));
    expect(outcomes).toEqual(['timed-out']);
    expect(app.state.quitCount).toBe(1);
  });

  it('quits when dispose() fails', async () => {
    const outcomes: DisposeOutcome[] = [];
    disposeBeforeQuit(() => Promise.reject(new Error('flush failed')), { onDisposed: (o) => outcomes.push(o) });
    app.quit();
    await settle();
    expect(outcomes).toEqual(['failed']);
    expect(app.state.quitCount).toBe(1);
  });

  it('disposeWithin answers as soon as dispose() does, not at the limit', async () => {
    const started = Date.now();
    expect(await disposeWithin(async () => undefined, 60_000)).toBe('disposed');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
