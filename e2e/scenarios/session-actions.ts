import { expect } from '@playwright/test';
import { inspect } from './inspect';
import type { Scenario } from './scenario';
import { signedInState } from './signed-in-state';
import { wizard } from './wizard';

export const sessionActions: Scenario = {
  title: 'header shows the session; signed out, Disconnect and Re-authenticate are disabled with the reason; Disconnect asks first and its failure is a notice',
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
    await expect(page.getByTestId('secret-storage-note')).toHaveCount(0);
    await expect(why).toBeFocused();
    await expect(why).toHaveAttribute('aria-expanded', 'false');

    // Signed out: nothing to re-authenticate to or disconnect from. Disabled, focusable, and the reason is said.
    const disconnect = w.header.getByRole('button', { name: 'Disconnect' });
    const reauth = w.header.getByRole('button', { name: 'Re-authenticate' });
    for (const button of [disconnect, reauth]) {
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/Not signed in: sign in to a workspace first/);
    }
    await reauth.hover();
    await expect(page.getByRole('tooltip')).toContainText('Not signed in');
    await disconnect.click({ force: true });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await inspect(page, host, 'signed-out-header');

    // Signed in (as far as this window knows): Disconnect asks first, in a modal dialog; focus starts on the safe
    // choice, Escape backs out and gives focus back.
    await host.publish('session.changed', signedInState(Date.now() + 55 * 60_000));
    await expect(disconnect).toBeEnabled();
    await disconnect.click();
    const dialog = page.getByRole('alertdialog', { name: /Disconnect from e2e-workspace\?/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep connected' })).toBeFocused();
    await inspect(page, host, 'disconnect-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(disconnect).toBeFocused();

    // Keyboard: open it again, tick "uninstall", confirm. Main has no such session and answers NOT_CONNECTED: a
    // notice that stays until dismissed.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: /Also uninstall/ }).check();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(dialog).toBeHidden();
    const disconnectError = w.errorView('Disconnect');
    await expect(disconnectError).toHaveAttribute('data-code', 'NOT_CONNECTED');
    await expect(disconnectError.getByRole('heading')).toHaveText('Disconnect: Not signed in to a workspace');
    await expect(disconnectError.locator('.error-view__hint')).toContainText(/What to do: \S/);

    await reauth.click();
    const reauthError = w.errorView('Re-authenticate');
    await expect(reauthError).toHaveAttribute('data-code', 'NOT_CONNECTED');
    // Still the whole app, not a crash: the header and the step are there and work.
    await expect(w.heading).toHaveText('Authenticate');
    await inspect(page, host, 'error-notices');

    // Pressing it again replaces the failure instead of stacking copies.
    await reauth.click();
    await expect(reauthError).toHaveCount(1);
    await expect(page.getByTestId('error-view')).toHaveCount(2);

    await reauthError.getByRole('button', { name: 'Dismiss' }).click();
    await expect(reauthError).toHaveCount(0);
    await disconnectError.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('error-view')).toHaveCount(0);
  },
};
