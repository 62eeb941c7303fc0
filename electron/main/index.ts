import { join } from 'node:path';
import { serveAppProtocol } from '../platform/app-protocol';
import {
  exposeForE2e,
  hardenDefaultSession,
  prepareBeforeReady,
  quitWhenWindowCloses,
  resolveAppUrl,
  sandboxCheckout,
  whenReady,
} from '../platform/app-lifecycle';
import { disposeBeforeQuit } from '../platform/dispose-before-quit';
import { createElectronMainPorts } from '../platform/electron-main-ports';
import { createIpcBridge } from '../platform/ipc-bridge';
import { createMainWindow } from '../platform/main-window';
import { claimSingleInstance, type WindowSlot } from '../platform/single-instance';
import { reportStartupFailure } from '../platform/startup-failure';
import { separateUnpackagedUserData } from '../platform/user-data';
import { originOf } from '../window-policy/app-url';
import { sourceSandbox } from '../services/session/source-sandbox';
import { composeMain } from './compose';

/**
 * The Electron composition root: no logic, only order. Adapters from `platform/` (the only code that touches
 * Electron), the host-independent main process from `composeMain`, then the window. Bundled to
 * `out/main/index.js`, next to `out/preload/index.cjs` and `out/renderer/`. Covered by e2e under `_electron`.
 */
const appUrl = resolveAppUrl();

async function start(slot: WindowSlot): Promise<void> {
  await whenReady();
  serveAppProtocol(join(__dirname, '../renderer'));
  hardenDefaultSession(appUrl);
  const trusted = new Set<number>();
  const ports = await createElectronMainPorts(() => ({ trustedIds: trusted, origins: [originOf(appUrl)] }));
  // From a source checkout (npm start) the "Local sandbox" runs the emulator beside the app; packaged, there is none
  // (but for the e2e package, which is pointed at the checkout that tests it).
  const checkout = sandboxCheckout(join(__dirname, '..', '..'));
  const main = await composeMain({ ...ports, sandbox: checkout === undefined ? undefined : sourceSandbox(checkout) });
  disposeBeforeQuit(main.dispose);
  quitWhenWindowCloses();
  const { gateway, events } = main;
  // The _electron e2e drives long tasks and reads results through the composed main; never in a release build.
  exposeForE2e(main);
  const bridge = createIpcBridge({ gateway, events, logger: ports.logger.child('ipc'), trusted });
  await createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    appUrl,
    bridge,
    logger: ports.logger.child('window'),
    onCreated: (window) => slot.fill(window),
  });
}

// userData first: the single-instance lock lives in it.
separateUnpackagedUserData();
const slot = claimSingleInstance();
if (slot) {
  prepareBeforeReady(appUrl);
  start(slot).catch(reportStartupFailure);
}
