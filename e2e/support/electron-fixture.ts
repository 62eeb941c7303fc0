import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, expect, type ElectronApplication } from '@playwright/test';
import type { ScenarioHost } from '../scenarios/scenario-host';
import { watchConsole } from './console-guard';
import { findElectronTarget, realProbe } from './electron-target';
import { REPO_ROOT } from './environment';
import { electronHost } from './electron-host';

/**
 * The real desktop app under Playwright `_electron`, one launch per test with a fresh userData dir: out/main/index.js
 * (built by global-setup with electron-vite, unpackaged so no fuses apply), or the unpacked e2e package
 * (UCBRIDGE_E2E_PACKAGED; electron-builder.e2e.json sets no fuses and stamps it so main exposes itself to the test,
 * and runs its Local sandbox from this checkout, UCBRIDGE_E2E_CHECKOUT). `--password-store=basic` makes
 * safeStorage report basic_text, so secrets are memory-only, as in the harness run. On Linux it needs a display:
 * the project is not configured without one (global-setup says so); `npm run test:electron` uses xvfb-run.
 */
export const test = base.extend<{ electronApp: ElectronApplication; host: ScenarioHost }>({
  electronApp: async ({}, use) => {
    const target = findElectronTarget(realProbe(REPO_ROOT));
    if (!target) throw new Error('no Electron binary (the electron project is only configured when one exists)');
    const userDataDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-electron-'));
    const app = await _electron.launch({
      executablePath: target.executablePath,
      args: [...target.args, '--password-store=basic', `--user-data-dir=${userDataDir}`],
      env: { ...process.env, UCBRIDGE_E2E: '1', UCBRIDGE_E2E_CHECKOUT: REPO_ROOT },
    });
    await use(app);
    await app.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  page: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    const problems = watchConsole(page);
    await use(page);
    expect(problems(), 'console errors and uncaught errors in the window').toEqual([]);
  },
  host: async ({ electronApp }, use) => {
    await use(electronHost(electronApp));
  },
});
