import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './app-url';
import { isPermissionGranted, isRendererRequestAllowed } from './permissions';

describe('isPermissionGranted', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'window-management',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionGranted(permission, 'app://ucbridge/index.html', APP_ORIGIN)).toBe(false);
  });

  it('grants clipboard writing to the app page only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://ucbridge/index.html', APP_ORIGIN)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, APP_ORIGIN)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'garbage', APP_ORIGIN)).toBe(false);
  });
});

describe('isRendererRequestAllowed', () => {
  it.each(['app://ucbridge/assets/index.js', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AA'])(
    'allows %s',
    (url) => expect(isRendererRequestAllowed(url, APP_ORIGIN)).toBe(true),
  );

  it.each([
    'https://evil.example/x.js',
    'http://127.0.0.1:8020/',
    'wss://evil.example/',
    'file:///etc/passwd',
    'app://other/x',
    'garbage',
  ])('cancels %s', (url) => expect(isRendererRequestAllowed(url, APP_ORIGIN)).toBe(false));

  it('lets the dev server and its hot-reload socket through in development only', () => {
    const dev = { protocol: 'http:', host: 'localhost:5173' };
    expect(isRendererRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRendererRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRendererRequestAllowed('ws://localhost:5173/', APP_ORIGIN)).toBe(false);
  });
});
