import type { Page } from '@playwright/test';

/** The sandbox's own login and consent pages, as a person uses them (labels and button names), then closed. */
export async function completeSandboxLogin(browserPage: Page, user: { readonly userName: string; readonly password: string }): Promise<void> {
  const email = browserPage.getByLabel('Email');
  if (await email.isVisible()) {
    await email.fill(user.userName);
    await browserPage.getByLabel('Password').fill(user.password);
    await browserPage.getByRole('button', { name: 'Sign in' }).click();
  }
  const allow = browserPage.getByRole('button', { name: 'Allow' });
  if (await allow.isVisible().catch(() => false)) await allow.click();
  await browserPage.waitForURL(/sign-in-result/);
  await browserPage.close();
}
