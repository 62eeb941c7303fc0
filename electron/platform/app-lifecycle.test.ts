import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, prepareBeforeReady, resolveAppUrl, wireLifecycle } from './app-lifecycle';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn)),
    once: vi.fn((name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn)),
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  return { app, protocol, listeners };
});
vi.mock('electron', () => ({ app: electron.app, protocol: electron.protocol, session: {} }));

afterEach(() => {
  vi.unstubAllEnvs();
  electron.app.isPackaged = false;
});

describe('app lifecycle', () => {
  it('loads app://ucbridge/index.html, or the dev server only in an unpackaged app', () => {
    expect(resolveAppUrl()).toBe('app://ucbridge/index.html');
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    expect(resolveAppUrl()).toBe('http://localhost:5173/');
    electron.app.isPackaged = true;
    expect(resolveAppUrl()).toBe('app://ucbridge/index.html');
  });

  it('quits a second instance', () => {
    expect(claimSingleInstance()).toBe(true);
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(claimSingleInstance()).toBe(false);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('before ready: sandboxes every renderer, registers app:, installs the web-contents guards', () => {
    prepareBeforeReady('app://ucbridge/index.html');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.listeners.has('web-contents-created')).toBe(true);
  });

  it('disposes the main process on quit and focuses the window on a second launch', () => {
    const window = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    const dispose = vi.fn(async () => undefined);
    wireLifecycle(window as never, dispose);
    electron.listeners.get('second-instance')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    electron.listeners.get('before-quit')!();
    expect(dispose).toHaveBeenCalled();
    electron.listeners.get('window-all-closed')!();
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
