import { expect, type Page } from '@playwright/test';
import { wizard } from '../scenarios/wizard';
import type { AuthWorld } from './auth-fixture';

/**
 * Signs in to the Local sandbox as its admin the way a person does: the Authenticate step's sandbox choice, then
 * the sandbox's own login and consent pages in the "system browser" (the auth fixture's second context).
 */
export async function signInToSandbox(page: Page, world: AuthWorld): Promise<void> {
  const w = wizard(page);
  await w.ready();
  if (await page.getByTestId('identity-card').isVisible()) return;
  const admin = world.emulator.users.find((u) => u.admin);
  if (!admin) throw new Error('the sandbox has no admin user');
  world.onSignInPage(async (browserPage) => {
    const email = browserPage.getByLabel('Email');
    if (await email.isVisible()) {
      await email.fill(admin.userName);
      await browserPage.getByLabel('Password').fill(admin.password);
      await browserPage.getByRole('button', { name: 'Sign in' }).click();
    }
    const allow = browserPage.getByRole('button', { name: 'Allow' });
    if (await allow.isVisible().catch(() => false)) await allow.click();
    await browserPage.waitForURL(/sign-in-result/);
    await browserPage.close();
  });
  await page.getByTestId('workspace-picker').getByRole('radio', { name: 'Local sandbox' }).check();
  await page.getByTestId('start-sandbox').click();
  await expect(page.getByTestId('sandbox-ready')).toBeVisible();
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('identity-card')).toBeVisible({ timeout: 20_000 });
  await world.browserDone();
}
