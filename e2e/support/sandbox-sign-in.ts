import { expect, type Page } from '@playwright/test';
import { completeSandboxLogin } from '../scenarios/integration/sandbox-login-page';
import { signInUnlessSignedIn } from '../scenarios/integration/signed-in';
import type { AuthWorld } from './auth-fixture';

/**
 * Signs in to the Local sandbox as its admin the way a person does: the Authenticate step's sandbox choice, then
 * the sandbox's own login and consent pages in the "system browser" (the auth fixture's second context).
 */
export async function signInToSandbox(page: Page, world: AuthWorld): Promise<void> {
  await signInUnlessSignedIn(page, () => signIn(page, world));
}

async function signIn(page: Page, world: AuthWorld): Promise<void> {
  const admin = world.emulator.users.find((u) => u.admin);
  if (!admin) throw new Error('the sandbox has no admin user');
  world.onSignInPage((browserPage) => completeSandboxLogin(browserPage, admin));
  await page.getByTestId('workspace-picker').getByRole('radio', { name: 'Local sandbox' }).check();
  await page.getByTestId('start-sandbox').click();
  await expect(page.getByTestId('sandbox-ready')).toBeVisible();
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('identity-card')).toBeVisible({ timeout: 20_000 });
  await world.browserDone();
}
