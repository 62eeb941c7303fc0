import { protocol } from 'electron';
import { createAppRequestHandler } from '../renderer-assets/app-request-handler';
import { APP_HOST, APP_SCHEME } from '../window-policy/app-url';

/**
 * Must run before `app.whenReady()`: a standard, secure scheme gets a real origin, `fetch` and storage, so the
 * renderer never needs `file://` (checklist item 18). No `bypassCSP`, no `corsEnabled`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at `app://ucbridge/`, with the CSP header; after ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, APP_HOST));
}
