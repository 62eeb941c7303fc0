import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for Electron's `app` as far as the lifecycle adapters use it, following electron.d.ts (45): `quit()`
 * emits `before-quit` then `will-quit`, each with an event whose `preventDefault()` stops the quit; only when
 * neither is prevented does the app end (`quitCount`). `exit()` ends at once, without those events.
 */
export function createFakeApp() {
  const emitter = new EventEmitter();
  const paths = new Map<string, string>([
    ['appData', '/home/user/.config'],
    ['userData', '/home/user/.config/ucbridge'],
  ]);
  const switches = new Set<string>();
  const state = { quitCount: 0, exitCode: undefined as number | undefined, lock: true };
  const emitPreventable = (name: string): boolean => {
    let prevented = false;
    emitter.emit(name, { preventDefault: () => void (prevented = true) });
    return prevented;
  };
  const app = {
    isPackaged: false,
    state,
    on: (name: string, listener: (...args: never[]) => void) => emitter.on(name, listener as () => void),
    once: (name: string, listener: (...args: never[]) => void) => emitter.once(name, listener as () => void),
    emit: (name: string, ...args: unknown[]) => emitter.emit(name, ...args),
    listenerCount: (name: string) => emitter.listenerCount(name),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(() => {
      if (emitPreventable('before-quit') || emitPreventable('will-quit')) return;
      state.quitCount += 1;
    }),
    exit: vi.fn((code: number) => void (state.exitCode = code)),
    enableSandbox: vi.fn(),
    getPath: (name: string) => {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`unknown path ${name}`);
      return path;
    },
    setPath: vi.fn((name: string, path: string) => void paths.set(name, path)),
    commandLine: { hasSwitch: (name: string) => switches.has(name), appendSwitch: (name: string) => switches.add(name) },
    reset() {
      emitter.removeAllListeners();
      state.quitCount = 0;
      state.exitCode = undefined;
      state.lock = true;
      app.isPackaged = false;
      switches.clear();
      paths.set('userData', '/home/user/.config/ucbridge');
      vi.clearAllMocks();
    },
  };
  return app;
}

export type FakeApp = ReturnType<typeof createFakeApp>;

/** A window as the lifecycle adapters see it. */
export function createFakeWindow(options: { minimized?: boolean } = {}) {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => options.minimized ?? false),
    restore: vi.fn(),
    focus: vi.fn(),
  };
}
