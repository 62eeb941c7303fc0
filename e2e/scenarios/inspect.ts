import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import type { PageGlobals } from '../support/page-globals';
import type { ScenarioHost } from './scenario-host';

/** Colour changes fade (CSS transitions); axe must measure the settled colours, not a frame in between. */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { document, CSSTransition, requestAnimationFrame } = globalThis as unknown as PageGlobals;
    // Two frames first: a class React just changed starts its transition on the next style pass.
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A transition replaced by another (or cancelled) rejects `finished` with an AbortError: it settled all the same.
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * axe in the light and the dark colour scheme (fails on serious/critical findings), with a screenshot of each
 * under e2e/screenshots/.
 */
export async function inspect(page: Page, host: ScenarioHost, name: string): Promise<void> {
  await settleTransitions(page);
  await expectNoSeriousA11yViolations(page, `${name} (light)`);
  await page.screenshot({ path: host.screenshotPath(name), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await settleTransitions(page);
    await expectNoSeriousA11yViolations(page, `${name} (dark)`);
    await page.screenshot({ path: host.screenshotPath(`${name}-dark`), fullPage: true });
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await settleTransitions(page);
  }
}
