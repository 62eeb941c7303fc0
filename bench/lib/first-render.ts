import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness } from '../../electron/harness/start-harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/environment';
import { FIRST_RENDER_MARK } from '../../renderer/src/perf/first-render';

/**
 * Navigation start → the wizard's first meaningful render (the app's own performance mark), in the browser
 * harness and Debian chromium. Each run uses a fresh browser context, so nothing is cached between runs.
 */
export async function measureFirstRender(rendererDir: string, runs: number): Promise<number[]> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ucbridge-bench-'));
  const harness = await startHarness({ userDataDir, rendererDir, browser: { open: async () => undefined } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // A fresh context has no session: the one-time address sets it and moves on to the app, whose document's
      // own navigation start the mark is measured from (the sign-in page before it is not counted).
      await page.goto(harness.oneTimeUrl().url);
      await page.waitForURL(harness.url);
      const handle = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime,
        FIRST_RENDER_MARK,
        { timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await harness.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
