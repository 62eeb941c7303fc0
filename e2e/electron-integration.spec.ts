import { INTEGRATION_SCENARIOS } from './scenarios/integration';
import { test } from './support/electron-fixture';
import { electronIntegrationHost } from './support/electron-integration-host';

// Only configured (playwright.config.ts) when an Electron binary exists. Each test launches a fresh app whose Local
// sandbox starts empty of ucbridge state, and the scenarios build on each other: so they run in order in one test.
test.describe('Configure integration (step 2) in the desktop app under Playwright _electron', () => {
  test('step 2 scenarios, in order, against the app’s Local sandbox', async ({ page, electronApp }) => {
    test.setTimeout(480_000);
    const host = electronIntegrationHost(electronApp, page);
    for (const scenario of INTEGRATION_SCENARIOS) {
      await test.step(scenario.title, () => scenario.run(page, host));
    }
  });
});
