import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeWindow } from './fake-electron-app.test-support';
import { claimSingleInstance } from './single-instance';

const { app } = await vi.hoisted(async () => {
  const { createFakeApp } = await import('./fake-electron-app.test-support');
  return { app: createFakeApp() };
});
vi.mock('electron', () => ({ app }));

beforeEach(() => app.reset());

describe('single instance', () => {
  it('quits when another ucbridge holds the lock, and listens for nothing', () => {
    app.state.lock = false;
    expect(claimSingleInstance()).toBeUndefined();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('listens for a second launch right after taking the lock, before any window exists', () => {
    expect(claimSingleInstance()).toBeDefined();
    expect(app.listenerCount('second-instance')).toBe(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a launch during start-up (a keychain prompt, say) focuses the window once it exists', () => {
    const slot = claimSingleInstance()!;
    app.emit('second-instance', {}, ['ucbridge'], '/');
    const window = createFakeWindow({ minimized: true });
    slot.fill(window as never);
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('a window made without a launch meanwhile is left alone; a later launch focuses it', () => {
    const slot = claimSingleInstance()!;
    const window = createFakeWindow();
    slot.fill(window as never);
    expect(window.focus).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['ucbridge'], '/');
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(window.restore).not.toHaveBeenCalled();
  });

  it('never touches a destroyed window', () => {
    const slot = claimSingleInstance()!;
    const window = createFakeWindow();
    window.isDestroyed.mockReturnValue(true);
    slot.fill(window as never);
    app.emit('second-instance', {}, ['ucbridge'], '/');
    expect(window.focus).not.toHaveBeenCalled();
  });
});
