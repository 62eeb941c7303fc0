import { join } from 'node:path';
import { app } from 'electron';

/** The userData folder name of an app run from source (`npm start`), beside the installed app's `ucbridge`. */
export const DEV_USER_DATA_NAME = 'ucbridge-dev';

/**
 * Run from source, the app would share the installed copy's userData — its state, its encrypted secrets and its
 * single-instance lock (electron.d.ts `requestSingleInstanceLock`: the lock is scoped to userData). Unpackaged, it
 * uses `<appData>/ucbridge-dev` instead, unless `--user-data-dir` chose a folder (the e2e run does). Call before
 * the lock and before anything reads userData.
 */
export function separateUnpackagedUserData(): void {
  if (app.isPackaged || app.commandLine.hasSwitch('user-data-dir')) return;
  app.setPath('userData', join(app.getPath('appData'), DEV_USER_DATA_NAME));
}
