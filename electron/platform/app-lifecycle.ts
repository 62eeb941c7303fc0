import { app, session } from 'electron';
import { APP_ENTRY_URL, originOf } from '../window-policy/app-url';
import { registerAppScheme } from './app-protocol';
import { hardenSession } from './session-hardening';
import { installWebContentsGuards } from './web-contents-guards';

/**
 * The Electron app lifecycle, as the few calls the composition root needs, so `main/index.ts` itself never
 * imports `electron`.
 */

/** electron-vite's dev server (`electron-vite dev` where a binary exists); never in a packaged app. */
export function resolveAppUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && dev ? dev : APP_ENTRY_URL;
}

/** Everything that must happen before `ready`: sandbox every renderer, the `app:` scheme, global guards. */
export function prepareBeforeReady(appUrl: string): void {
  app.enableSandbox();
  registerAppScheme();
  installWebContentsGuards(appUrl);
}

export async function whenReady(): Promise<void> {
  await app.whenReady();
}

export function hardenDefaultSession(appUrl: string): void {
  hardenSession(session.defaultSession, originOf(appUrl));
}

/** One window: the app quits when it closes, on every platform (nothing runs without it). */
export function quitWhenWindowCloses(): void {
  app.on('window-all-closed', () => app.quit());
}

/** The _electron e2e reads tasks through the composed main; only unpackaged and only when asked (UCBRIDGE_E2E=1). */
export function exposeForE2e(main: object): void {
  if (!app.isPackaged && process.env.UCBRIDGE_E2E === '1') Object.assign(globalThis, { __ucbridgeMain: main });
}
