import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The desktop app's data folder (Electron's `userData`: the platform's application-data folder and the product
 * name), so the CLI and the app share one metadata index and one set of selection rules per workspace.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ucbridge');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ucbridge');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ucbridge');
}
