import { SHELL_SCENARIOS } from './scenarios';
import { test } from './support/electron-fixture';

// Only configured (playwright.config.ts) when an Electron binary exists; otherwise global-setup prints
// "skipped: no Electron binary" once and this file is not collected.
test.describe('wizard shell in the desktop app under Playwright _electron', () => {
  for (const scenario of SHELL_SCENARIOS) {
    test(scenario.title, async ({ page, host }) => {
      await scenario.run(page, host);
    });
  }
});
