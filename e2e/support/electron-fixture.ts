import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, expect, type ElectronApplication } from '@playwright/test';
import type { ScenarioHost } from '../scenarios/scenario-host';
import { watchConsole } from './console-guard';
import { REPO_ROOT, findElectronBinary } from './environment';
import { electronHost } from './electron-host';

/**
 * The real desktop app (out/main/index.js, built by global-setup with electron-vite, unpackaged so no fuses
 * apply) under Playwright `_electron`, one launch per test with a fresh userData dir. `--password-store=basic`
 * makes safeStorage report basic_text, so secrets are memory-only, as in the harness run. On Linux it needs a
 * display: run under `xvfb-run` where there is none.
 */
export const test = base.extend<{ electronApp: ElectronApplication; host: ScenarioHost }>({
  electronApp: async ({}, use) => {
    const executablePath = findElectronBinary();
    if (!executablePath) throw new Error('no Electron binary (the electron project is only configured when one exists)');
    const userDataDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-electron-'));
    const app = await _electron.launch({
      executablePath,
      args: [join(REPO_ROOT, 'out', 'main', 'index.js'), '--password-store=basic', `--user-data-dir=${userDataDir}`],
      env: { ...process.env, UCBRIDGE_E2E: '1' },
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
