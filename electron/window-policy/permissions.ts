import type { TrustedOrigin } from '../gateway/sender-policy';

/**
 * Electron grants every permission by default (checklist item 5). The app needs exactly one: writing to the
 * clipboard for the error view's "Copy details" (`navigator.clipboard.writeText`), and only from its own page.
 * Camera, microphone, geolocation, notifications, HID, serial, MIDI, reading the clipboard… are all denied.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  app: TrustedOrigin,
): boolean {
  if (!GRANTED.has(permission) || !requestingUrl) return false;
  try {
    const u = new URL(requestingUrl);
    return u.protocol === app.protocol && u.host === app.host;
  } catch {
    return false;
  }
}

/**
 * The renderer never needs the network: only its own scheme (and DevTools) may load anything. Every other
 * request a renderer makes is cancelled in the session's `onBeforeRequest`.
 */
export function isRendererRequestAllowed(url: string, app: TrustedOrigin): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'devtools:' || u.protocol === 'data:') return true;
  if (u.protocol === app.protocol && u.host === app.host) return true;
  // The Vite dev server (`electron-vite dev`) also needs its hot-reload socket on the same host.
  return app.protocol === 'http:' && u.protocol === 'ws:' && u.host === app.host;
}
