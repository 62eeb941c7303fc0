import { mkdirSync } from 'node:fs';
import { buildElectronApp, buildRenderer } from './build-renderer';
import {
  CHROMIUM_MISSING,
  NO_ELECTRON_BINARY,
  SCREENSHOT_DIR,
  findElectronBinary,
  hasChromium,
  isCI,
} from './environment';

/**
 * Runs once per `playwright test`: says in one line what cannot run here, fails under CI when the browser is
 * missing (a skipped browser test must never pass CI), and builds what the specs load.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = hasChromium();
  if (!chromium && isCI()) {
    throw new Error(`${CHROMIUM_MISSING}. Under CI=true the browser tests must run, so this run fails.`);
  }
  if (!chromium) console.log(CHROMIUM_MISSING);
  const electron = findElectronBinary();
  if (!electron) console.log(NO_ELECTRON_BINARY);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (electron) buildElectronApp();
  else if (chromium) await buildRenderer();
}
