import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DevOptions {
  readonly open: boolean;
  readonly port: number;
  readonly userDataDir: string;
  readonly rebuild: boolean;
  /** A built renderer to serve as is (no staleness check, no build); absent, this repository's out/renderer. */
  readonly rendererDir?: string;
  /** Why the app runs in the browser, said in the line `npm start` prints: `no-electron`. */
  readonly why?: 'no-electron';
}

export const DEV_USAGE =
  'usage: npm run dev:browser -- [--no-open] [--port=N] [--user-data-dir=DIR] [--rebuild] [--renderer-dir=DIR]\n' +
  '  The harness keeps its state in $XDG_CONFIG_HOME/ucbridge-harness (~/.config/ucbridge-harness) by default.';

/** `npm run dev:browser` (and `npm start` without Electron) arguments. Throws a message fit for the terminal on anything it does not know. */
export function parseDevArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DevOptions {
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  let options: DevOptions = { open: true, port: 0, userDataDir: join(configHome, 'ucbridge-harness'), rebuild: false };
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--no-open' && value === undefined) options = { ...options, open: false };
    else if (name === '--rebuild' && value === undefined) options = { ...options, rebuild: true };
    else if (name === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535)
      options = { ...options, port: Number(value) };
    else if (name === '--user-data-dir' && value) options = { ...options, userDataDir: value };
    else if (name === '--renderer-dir' && value) options = { ...options, rendererDir: value };
    else if (name === '--why' && value === 'no-electron') options = { ...options, why: value };
    else throw new Error(`Unknown or malformed option "${arg}".\n${DEV_USAGE}`);
  }
  return options;
}
