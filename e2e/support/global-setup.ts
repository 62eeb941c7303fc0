import { mkdirSync } from 'node:fs';
import { buildElectronApp, buildRenderer } from './build-renderer';
import { electronSkipReason, findElectronTarget, realProbe } from './electron-target';
import { CHROMIUM_MISSING, REPO_ROOT, SCREENSHOT_DIR, hasChromium, isCI } from './environment';

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
  const probe = realProbe(REPO_ROOT);
  const skipped = electronSkipReason(probe);
  if (skipped) console.log(skipped);
  const target = skipped ? undefined : findElectronTarget(probe);
  if (target?.kind === 'package') console.log(`electron: the unpacked package ${target.executablePath}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A source run builds main, preload and renderer (out/, which the harness serves too); a package has its own.
  if (target?.kind === 'source') buildElectronApp();
  else if (chromium) await buildRenderer();
}
