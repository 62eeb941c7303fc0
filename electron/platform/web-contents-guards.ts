import { app } from 'electron';
import { decideNavigation, windowOpenDecision } from '../window-policy/navigation';

/**
 * Applied to every webContents the app ever creates, not only the main window (checklist items 11-14): no new
 * windows, no navigation or redirect away from the app's own page, no `<webview>`.
 */
export function installWebContentsGuards(appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => windowOpenDecision());
    contents.on('will-navigate', (event) => {
      if (decideNavigation(event.url, appUrl) === 'deny') event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (decideNavigation(event.url, appUrl) === 'deny') event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
