import { BrowserWindow } from 'electron';
import type { Logger } from '../ports';
import { decideNavigation, windowOpenDecision } from '../window-policy/navigation';
import { mainWindowOptions } from '../window-policy/window-options';
import type { IpcBridge } from './ipc-bridge';

export interface MainWindowDeps {
  readonly preloadPath: string;
  readonly appUrl: string;
  readonly bridge: IpcBridge;
  readonly logger: Logger;
  /** Called as soon as the window exists, before its page loads (a second launch can focus it from then on). */
  readonly onCreated?: (window: BrowserWindow) => void;
}

/**
 * The one window. Its options come from `mainWindowOptions` (pure, tested); the navigation and window-open
 * guards are repeated here on top of the global ones so the window is safe even if created before them.
 */
export async function createMainWindow(deps: MainWindowDeps): Promise<BrowserWindow> {
  const window = new BrowserWindow(mainWindowOptions(deps.preloadPath));
  deps.onCreated?.(window);
  const contents = window.webContents;
  deps.bridge.attach(contents);
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url, deps.appUrl) === 'deny') {
      deps.logger.warn('blocked a navigation away from the app', { url: event.url });
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  await window.loadURL(deps.appUrl);
  return window;
}
