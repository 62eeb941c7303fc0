import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger';
import { mainWindowOptions } from '../window-policy/window-options';
import { createMainWindow } from './main-window';

const electron = vi.hoisted(() => {
  const windows: { options: unknown; contents: Record<string, unknown>; events: Map<string, () => void>; loaded?: string; shown: boolean }[] = [];
  class BrowserWindow {
    readonly record: (typeof windows)[number];
    readonly webContents: Record<string, unknown>;
    constructor(options: unknown) {
      const listeners = new Map<string, (event: unknown) => void>();
      this.webContents = {
        id: 3,
        listeners,
        setWindowOpenHandler: (h: unknown) => (this.webContents.openHandler = h),
        on: (name: string, fn: (event: unknown) => void) => listeners.set(name, fn),
      };
      this.record = { options, contents: this.webContents, events: new Map(), shown: false };
      windows.push(this.record);
    }
    once(name: string, fn: () => void) {
      this.record.events.set(name, fn);
    }
    show() {
      this.record.shown = true;
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
  }
  return { windows, BrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const attached: unknown[] = [];
const bridge = { attach: (c: unknown) => attached.push(c), dispose: () => undefined };
const window = () => electron.windows[0]!;
const fire = (name: string, url?: string) => {
  const event = { url, preventDefault: vi.fn() };
  (window().contents.listeners as Map<string, (event: unknown) => void>).get(name)!(event);
  return event.preventDefault.mock.calls.length > 0;
};

beforeAll(async () => {
  await createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    appUrl: 'app://ucbridge/index.html',
    bridge,
    logger: createLogger({ sinks: [] }),
  });
});

describe('createMainWindow', () => {
  it('is built from mainWindowOptions, unchanged', () => {
    expect(window().options).toEqual(mainWindowOptions('/app/out/preload/index.cjs'));
  });

  it('is trusted by the IPC bridge and loads the app URL', () => {
    expect(attached).toEqual([window().contents]);
    expect(window().loaded).toBe('app://ucbridge/index.html');
  });

  it('denies window.open, blocks navigation away and webviews', () => {
    expect((window().contents.openHandler as () => unknown)()).toEqual({ action: 'deny' });
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://ucbridge/index.html')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('shows itself only when ready to show', () => {
    expect(window().shown).toBe(false);
    window().events.get('ready-to-show')!();
    expect(window().shown).toBe(true);
  });
});
