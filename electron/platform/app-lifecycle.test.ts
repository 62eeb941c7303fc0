import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exposeForE2e, prepareBeforeReady, quitWhenWindowCloses, resolveAppUrl, sandboxCheckout } from './app-lifecycle';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    isPackaged: false,
    appPath: '/nowhere',
    getAppPath: () => app.appPath,
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

  it('exposes the composed main to the e2e only when asked, and only unpackaged or in the e2e build', async () => {
    const g = globalThis as { __ucbridgeMain?: object };
    const main = { tasks: {} };
    const dir = await mkdtemp(join(tmpdir(), 'ucbridge-app-'));
    try {
      exposeForE2e(main);
      expect(g.__ucbridgeMain).toBeUndefined();
      vi.stubEnv('UCBRIDGE_E2E', '1');
      electron.app.isPackaged = true;
      electron.app.appPath = dir;
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ucbridge' }));
      exposeForE2e(main);
      expect(g.__ucbridgeMain).toBeUndefined();
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ucbridge', ucbridgeE2eBuild: true }));
      exposeForE2e(main);
      expect(g.__ucbridgeMain).toBe(main);
      delete g.__ucbridgeMain;
      electron.app.isPackaged = false;
      electron.app.appPath = '/nowhere';
      exposeForE2e(main);
      expect(g.__ucbridgeMain).toBe(main);
    } finally {
      delete g.__ucbridgeMain;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs the Local sandbox from the source checkout, from the named checkout only in the e2e package under UCBRIDGE_E2E=1, else not at all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucbridge-app-'));
    try {
      expect(sandboxCheckout('/src')).toBe('/src');
      electron.app.isPackaged = true;
      electron.app.appPath = dir;
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ucbridge' }));
      vi.stubEnv('UCBRIDGE_E2E', '1');
      vi.stubEnv('UCBRIDGE_E2E_CHECKOUT', '/checkout');
      // A release build: no sandbox, whatever the environment says.
      expect(sandboxCheckout('/src')).toBeUndefined();
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ucbridge', ucbridgeE2eBuild: true }));
      expect(sandboxCheckout('/src')).toBe('/checkout');
      vi.stubEnv('UCBRIDGE_E2E', '');
      expect(sandboxCheckout('/src')).toBeUndefined();
      vi.stubEnv('UCBRIDGE_E2E', '1');
      vi.stubEnv('UCBRIDGE_E2E_CHECKOUT', '');
      expect(sandboxCheckout('/src')).toBeUndefined();
    } finally {
      electron.app.appPath = '/nowhere';
      await rm(dir, { recursive: true, force: true });
    }
  });
});
