import { existsSync } from 'node:fs';
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
