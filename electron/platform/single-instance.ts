import { app, type BrowserWindow } from 'electron';

/** Where the one window goes once it exists, so a second launch can bring it to the front. */
export interface WindowSlot {
  fill(window: BrowserWindow): void;
}

function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/**
 * Takes the single-instance lock (scoped to userData, electron.d.ts `requestSingleInstanceLock`), or quits when
 * another ucbridge holds it. The `second-instance` listener goes on right after the lock: start-up can take a while
 * (a keychain prompt, the state directory), and a launch made meanwhile must not be dropped — it is remembered and
 * the window is focused as soon as it exists.
 */
export function claimSingleInstance(): WindowSlot | undefined {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let window: BrowserWindow | undefined;
  let launchedMeanwhile = false;
  app.on('second-instance', () => {
    if (window) bringToFront(window);
    else launchedMeanwhile = true;
  });
  return {
    fill(created) {
      window = created;
      if (!launchedMeanwhile) return;
      launchedMeanwhile = false;
      bringToFront(created);
    },
  };
}
