import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Harness } from '../../electron/harness/start-harness';
import type { ScenarioHost } from '../scenarios/scenario-host';
import { watchConsole } from './console-guard';
import { REPO_ROOT } from './environment';
import { harnessHost } from './harness-host';
import { loadMainModules } from './main-modules';

/**
 * One browser harness per worker (the real main process over the built renderer) with a fresh userData dir and
 * the Linux-without-keyring cipher, so secrets are memory-only just as in the `_electron` run with
 * --password-store=basic. Each test gets a fresh page on it and fails on any console error or uncaught error.
 */
export const test = base.extend<{ host: ScenarioHost }, { harness: Harness }>({
  harness: [
    async ({}, use) => {
      const { harness: harnessModule, node } = loadMainModules();
      const userDataDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-'));
      const harness = await harnessModule.startHarness({
        userDataDir,
        rendererDir: join(REPO_ROOT, 'out', 'renderer'),
        cipher: node.createBasicTextCipher(),
        // Nothing in the shell opens the system browser; if something ever does, it must not leave the test.
        browser: { open: async () => undefined },
      });
      await use(harness);
      await harness.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  page: async ({ page, harness }, use) => {
    const problems = watchConsole(page);
    // As its user does: the one-time address (each test's page is a fresh browser context), then the clean one.
    await page.goto(harness.oneTimeUrl().url);
    await page.waitForURL(harness.url);
    await use(page);
    expect(problems(), 'console errors and uncaught errors in the page').toEqual([]);
  },
  host: async ({ harness, page }, use) => {
    await use(harnessHost(harness, page));
  },
});
