import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Whether this package was built with build/electron-builder.e2e.json, which stamps `"ucbridgeE2eBuild": true` into
 * the packaged package.json (extraMetadata); the release configuration never does (pinned by its test).
 */
export function isE2eBuild(): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { ucbridgeE2eBuild?: unknown };
    return pkg.ucbridgeE2eBuild === true;
  } catch {
    return false;
  }
}

/**
 * The _electron e2e reads tasks through the composed main: only when asked (UCBRIDGE_E2E=1) and only unpackaged or in
 * the e2e build (the unpacked `--dir` package made from electron-builder.e2e.json); never in a release build.
 */
export function exposeForE2e(main: object): void {
  if (process.env.UCBRIDGE_E2E !== '1') return;
  if (!app.isPackaged || isE2eBuild()) Object.assign(globalThis, { __ucbridgeMain: main });
}

/**
 * The checkout the "Local sandbox" runs from (services/session/source-sandbox.ts): unpackaged, the one the app runs
 * from. A package has none beside it — except the e2e package under UCBRIDGE_E2E=1, whose `_electron` run names this
 * checkout in UCBRIDGE_E2E_CHECKOUT so its integration scenarios sign in to that sandbox. Never in a release build.
 */
export function sandboxCheckout(sourceRoot: string): string | undefined {
  if (!app.isPackaged) return sourceRoot;
  const named = process.env.UCBRIDGE_E2E_CHECKOUT;
  return process.env.UCBRIDGE_E2E === '1' && named && isE2eBuild() ? named : undefined;
}
