import { expect } from '@playwright/test';
import { inspect } from './inspect';
import type { Scenario } from './scenario';
import { wizard } from './wizard';

export const sessionActions: Scenario = {
  title: 'header shows the session; Disconnect and Re-authenticate answer "not connected" in plain language',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();
    await expect(w.fact('workspace')).toContainText('None selected');
    await expect(w.fact('identity')).toContainText('Not signed in');
    await expect(w.fact('token')).toContainText('No token');
    // Both hosts run with an insecure secret store (harness: basic_text cipher; Electron: --password-store=basic).
    await expect(w.fact('secrets')).toContainText('Memory only');
    const why = w.fact('secrets').getByRole('button', { name: 'Why?' });
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await why.click();
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('secret-storage-note')).toContainText('sign in again');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('secret-storage-note')).toBeHidden();
    await expect(why).toBeFocused();
    await expect(why).toHaveAttribute('aria-expanded', 'false');

    // Disconnect asks first, in a modal dialog: focus starts on the safe choice, Escape backs out.
    const disconnect = w.header.getByRole('button', { name: 'Disconnect' });
    await disconnect.click();
    const dialog = page.getByRole('dialog', { name: /Disconnect from/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep connected' })).toBeFocused();
    await inspect(page, host, 'disconnect-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(disconnect).toBeFocused();

    // Keyboard: open it again, tick "uninstall", confirm. Main answers NOT_CONNECTED, shown as an error view.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: /Also uninstall/ }).check();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(dialog).toBeHidden();
    const disconnectError = w.errorView('Disconnect');
    await expect(disconnectError).toHaveAttribute('data-code', 'NOT_CONNECTED');
    await expect(disconnectError.getByRole('heading')).toHaveText('Disconnect: Not signed in to a workspace');
    await expect(disconnectError).toContainText(/not connected/i);
    await expect(disconnectError.locator('.error-view__hint')).toContainText(/What to do: \S/);

    const reauth = w.header.getByRole('button', { name: 'Re-authenticate' });
    await reauth.click();
    const reauthError = w.errorView('Re-authenticate');
    await expect(reauthError).toHaveAttribute('data-code', 'NOT_CONNECTED');
    await expect(reauthError.getByRole('heading')).toHaveText('Re-authenticate: Not signed in to a workspace');
    // Still the whole app, not a crash: the header and the step are there and work.
    await expect(w.heading).toHaveText('Authenticate');
    await inspect(page, host, 'error-view');

    // Pressing it again replaces the error instead of stacking copies.
    await reauth.click();
    await expect(page.getByTestId('error-view')).toHaveCount(2);

    await reauthError.getByRole('button', { name: 'Dismiss' }).click();
    await expect(reauthError).toHaveCount(0);
    await disconnectError.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('error-view')).toHaveCount(0);
  },
};
