import { expect, type Locator, type Page } from '@playwright/test';
import type { PageGlobals } from '../support/page-globals';

export const STEP_IDS = ['authenticate', 'configure-integration', 'map-users-policies', 'register-metadata'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  authenticate: 'Authenticate',
  'configure-integration': 'Configure integration',
  'map-users-policies': 'Map users & policies',
  'register-metadata': 'Register metadata',
};

/** The first-render mark the renderer sets (renderer/src/perf/first-render.ts). */
export const FIRST_RENDER_MARK = 'ucbridge:first-render';

/** Locators for the wizard shell, by role and label wherever a user would find things that way. */
export function wizard(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Set-up steps' });
  return {
    nav,
    stepButton: (id: StepId): Locator => nav.locator(`button[data-step="${id}"]`),
    heading: page.locator('#step-heading'),
    panel: page.locator('section.step-panel'),
    header: page.getByRole('banner'),
    fact: (name: 'workspace' | 'identity' | 'token' | 'secrets'): Locator => page.getByTestId(`fact-${name}`),
    statusLine: page.getByTestId('status-line'),
    errorView: (action: string): Locator => page.getByTestId('error-view').filter({ hasText: `${action}:` }),
    progressView: (label: string): Locator => page.getByTestId('progress-view').filter({ hasText: label }),

    /** The shell is up: header facts loaded and the first step rendered (the app's own first-render mark). */
    async ready(): Promise<void> {
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
      await expect(page.locator('#step-heading')).toHaveText('Authenticate');
    },
  };
}

/** The element that has keyboard focus, described for assertions. */
export async function focused(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as PageGlobals).document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), id: el?.id ?? '' };
  });
}

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses (i.e. unreachable). */
export async function tabTo(page: Page, target: Locator, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with Tab within ${max} presses`).toBeFocused();
}
