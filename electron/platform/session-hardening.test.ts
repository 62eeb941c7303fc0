import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../window-policy/app-url';
import { hardenSession } from './session-hardening';

vi.mock('electron', () => ({}));

function fakeSession() {
  const captured: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (captured.request = h),
    setPermissionCheckHandler: (h: never) => (captured.check = h),
    setDevicePermissionHandler: (h: never) => (captured.device = h),
    webRequest: { onBeforeRequest: (h: never) => (captured.beforeRequest = h) },
  };
  hardenSession(session as never, APP_ORIGIN);
  return captured as Record<string, (...args: unknown[]) => unknown>;
}

describe('hardenSession', () => {
  const handlers = fakeSession();

  it('installs every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual(['beforeRequest', 'check', 'device', 'request']);
  });

  it('denies permission requests, except clipboard writes from the app page', () => {
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      handlers.request!({}, permission, (g: boolean) => (granted = g), { requestingUrl, isMainFrame: true });
      return granted;
    };
    expect(ask('media', 'app://ucbridge/index.html')).toBe(false);
    expect(ask('geolocation', 'app://ucbridge/index.html')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://ucbridge/index.html')).toBe(true);
  });

  it('denies permission checks and device access', () => {
    expect(handlers.check!({}, 'notifications', 'app://ucbridge', { requestingUrl: 'app://ucbridge/' })).toBe(false);
    expect(handlers.check!({}, 'clipboard-sanitized-write', 'app://ucbridge', {})).toBe(true);
    expect(handlers.device!({})).toBe(false);
  });

  it('cancels every renderer request that is not the app or DevTools', () => {
    const decide = (url: string) => {
      let response: unknown;
      handlers.beforeRequest!({ url }, (r: unknown) => (response = r));
      return response;
    };
    expect(decide('app://ucbridge/assets/index.js')).toEqual({ cancel: false });
    expect(decide('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
    expect(decide('https://cdn.example/x.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8020/callback')).toEqual({ cancel: true });
  });
});
