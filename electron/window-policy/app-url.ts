import type { TrustedOrigin } from '../gateway/sender-policy';

/**
 * The renderer is served from a privileged custom scheme, never `file://` (Electron security checklist item 18).
 * Note `new URL('app://ucbridge/').origin` is the string "null": compare protocol and host instead.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ucbridge';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const APP_ORIGIN: TrustedOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/** The origin a URL is loaded from, in the sender policy's terms. */
export function originOf(url: string): TrustedOrigin {
  const parsed = new URL(url);
  return { protocol: parsed.protocol, host: parsed.host };
}
