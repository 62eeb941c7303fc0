import { defineConfig, type Project } from '@playwright/test';
import { electronSkipReason, realProbe } from './e2e/support/electron-target';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from './e2e/support/environment';

/**
 * Two modes, one set of scenarios (e2e/scenarios/): the browser harness in Debian chromium, always; the real
 * desktop app under Playwright `_electron` — from source, or the unpacked `--dir` package when
 * UCBRIDGE_E2E_PACKAGED names it (`npm run test:electron` runs both) — only where it can start: an Electron binary
 * (found without `require('electron')`) and, on Linux, a display. global-setup prints one line for each mode that
 * cannot run, and fails under CI=true when chromium is missing.
 */
const projects: Project[] = [
  {
    name: 'harness',
    testMatch: ['harness.spec.ts', 'auth.spec.ts', 'integration.spec.ts', 'policies.spec.ts', 'users.spec.ts', 'metadata.spec.ts', 'metadata-pictures.spec.ts', 'connection-settings.spec.ts', 'layout.spec.ts', 'layout-fit.spec.ts'],
    use: {
      browserName: 'chromium',
      launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
      permissions: ['clipboard-read', 'clipboard-write'],
      viewport: { width: 1280, height: 860 },
      colorScheme: 'light',
    },
  },
];
if (electronSkipReason(realProbe(REPO_ROOT)) === undefined) projects.push({ name: 'electron', testMatch: ['electron.spec.ts', 'electron-integration.spec.ts'] });

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Limits for hangs, not for slowness: the same scenarios must pass on a heavily loaded 2-core machine.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects,
});
