import { join } from 'node:path';
import { app, session } from 'electron';
import { createElectronMainPorts } from '../platform/electron-main-ports';
import { registerAppScheme, serveAppProtocol } from '../platform/app-protocol';
import { createIpcBridge, type IpcBridge } from '../platform/ipc-bridge';
import { createMainWindow } from '../platform/main-window';
import { hardenSession } from '../platform/session-hardening';
import { installWebContentsGuards } from '../platform/web-contents-guards';
import { APP_ENTRY_URL, originOf } from '../window-policy/app-url';
import { composeMain } from './compose';

/**
 * The Electron composition root: no logic, only order. Adapters from `platform/`, the host-independent main
 * process from `composeMain`, then the window. Covered by e2e under `_electron` where a binary exists.
 */

// electron-vite's dev server, for `electron-vite dev` on a machine with a binary; never in a packaged app.
const appUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_ENTRY_URL;

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();
registerAppScheme();
installWebContentsGuards(appUrl);

async function onReady(): Promise<void> {
  serveAppProtocol(join(__dirname, '../renderer'));
  hardenSession(session.defaultSession, originOf(appUrl));
  let bridge: IpcBridge | undefined;
  const ports = await createElectronMainPorts(() => ({
    trustedIds: bridge?.trustedIds() ?? new Set<number>(),
    origins: [originOf(appUrl)],
  }));
  const main = await composeMain(ports);
  bridge = createIpcBridge({ gateway: main.gateway, events: main.events, logger: ports.logger.child('ipc') });
  const window = await createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    appUrl,
    bridge,
    logger: ports.logger.child('window'),
  });
  app.on('second-instance', () => window.focus());
  app.on('window-all-closed', () => app.quit());
  app.once('before-quit', () => void main.dispose());
}

app.whenReady().then(onReady, (error: unknown) => {
  console.error('ucbridge could not start:', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
