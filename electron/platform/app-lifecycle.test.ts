import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareBeforeReady, quitWhenWindowCloses, resolveAppUrl } from './app-lifecycle';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    isPackaged: false,
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

  it('before ready: sandboxes every renderer, registers app:, installs the web-contents guards', () => {
    prepareBeforeReady('app://ucbridge/index.html');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.listeners.has('web-contents-created')).toBe(true);
  });

  it('quits when the window closes', () => {
    quitWhenWindowCloses();
    electron.listeners.get('window-all-closed')!();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });
});
