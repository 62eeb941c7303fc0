import { describe, expect, it, vi } from 'vitest';
import { installWebContentsGuards } from './web-contents-guards';

const app = vi.hoisted(() => ({ listeners: new Map<string, (...args: unknown[]) => void>() }));
vi.mock('electron', () => ({
  app: { on: (name: string, fn: (...args: unknown[]) => void) => app.listeners.set(name, fn) },
}));

function created() {
  const on = new Map<string, (event: unknown) => void>();
  let openHandler: (() => unknown) | undefined;
  const contents = {
    setWindowOpenHandler: (h: () => unknown) => (openHandler = h),
    on: (name: string, fn: (event: unknown) => void) => on.set(name, fn),
  };
  app.listeners.get('web-contents-created')!({}, contents);
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    on.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, openHandler: () => openHandler?.() };
}

describe('installWebContentsGuards', () => {
  installWebContentsGuards('app://ucbridge/index.html');

  it('denies every new window of every webContents', () => {
    expect(created().openHandler()).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from the app, and allows the app itself', () => {
    const guard = created();
    expect(guard.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(guard.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(guard.fire('will-navigate', 'app://ucbridge/index.html#/x')).toBe(false);
  });

  it('prevents attaching a webview', () => {
    expect(created().fire('will-attach-webview')).toBe(true);
  });
});
