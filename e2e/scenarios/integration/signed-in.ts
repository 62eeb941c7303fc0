import type { Page } from '@playwright/test';
import { FIRST_RENDER_MARK, wizard } from '../wizard';

/**
 * Runs `signIn` only when the window is not signed in yet (scenarios may run one after another in one window),
 * starting from the Authenticate step where the sign-in form is.
 */
export async function signInUnlessSignedIn(page: Page, signIn: () => Promise<void>): Promise<void> {
  const w = wizard(page);
  // The first real render comes after the session state arrived, so the identity fact is not a placeholder.
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
  if (!/Not signed in/.test((await w.fact('identity').textContent()) ?? '')) return;
  if ((await w.heading.textContent()) !== 'Authenticate') await w.stepButton('authenticate').click();
  await signIn();
}
