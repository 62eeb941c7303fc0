import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e', 'screenshots');

/** Debian's chromium; never `playwright install` (its downloads cannot work here). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The background-networking flags keep Chromium off the closed network (reference §6.3). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

export const isCI = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING = `skipped: ${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`;
export const NO_ELECTRON_BINARY = 'skipped: no Electron binary';

/** Where the electron package keeps its executable inside a dist folder, as its own index.js/install.js say. */
function executableInDist(): string {
  const pathTxt = join(REPO_ROOT, 'node_modules', 'electron', 'path.txt');
  if (existsSync(pathTxt)) return readFileSync(pathTxt, 'utf8').trim();
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * The Electron executable, if this machine has one, found WITHOUT `require('electron')` (which would start a
 * download and throw here, reference §0 F2): ELECTRON_OVERRIDE_DIST_PATH, else an installed node_modules dist.
 */
export function findElectronBinary(): string | undefined {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, executableInDist())
    : existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'))
      ? join(REPO_ROOT, 'node_modules', 'electron', 'dist', executableInDist())
      : undefined;
  return candidate !== undefined && existsSync(candidate) ? candidate : undefined;
}
