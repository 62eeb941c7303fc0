import { expect } from '@playwright/test';
import type { Scenario } from './scenario';
import { signedInState } from './signed-in-state';
import { wizard } from './wizard';

export const copyDetails: Scenario = {
  title: 'the error view copies code, message, hint and the recent redacted log; its log panel updates live',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();
    // As far as this window knows it is signed in; main has no such session, so Re-authenticate fails plainly.
    await host.publish('session.changed', signedInState(Date.now() + 30 * 60_000));
    await w.header.getByRole('button', { name: 'Re-authenticate' }).click();
    const error = w.errorView('Re-authenticate');
    await expect(error).toBeVisible();
    const hint = (await error.locator('.error-view__hint').innerText()).replace(/^What to do:\s*/, '');
    const message = await error.locator('.error-view__message').innerText();

    await error.getByRole('button', { name: 'Copy details' }).click();
    await expect(w.statusLine).toHaveText('Details copied to the clipboard.');
    const copied = await host.readClipboard();
    expect(copied).toContain('Action: Re-authenticate');
    expect(copied).toContain('Code: NOT_CONNECTED');
    expect(copied).toContain(`Message: ${message}`);
    expect(copied).toContain(`Hint: ${hint}`);
    expect(copied).toMatch(/Recent log \(\d+ lines, redacted\):/);
    // The main process logs its own start-up; that line comes from app.recentLogs, not from the page.
    expect(copied).toMatch(/ INFO .*main process ready/);

    // The log panel: opened on demand, then extended by log.entry events without another fetch.
    await error.getByRole('button', { name: 'Recent log' }).click();
    const lines = error.getByTestId('recent-log');
    await expect(lines).toContainText('main process ready');
    const task = await host.startTask({ label: 'E2E: a task to cancel for the log' });
    await expect(w.progressView('E2E: a task to cancel for the log')).toBeVisible();
    await w.progressView('E2E: a task to cancel for the log').getByRole('button', { name: 'Cancel' }).click();
    expect(await task.outcome()).toBe('cancelled');
    await expect(lines).toContainText('task cancelled');
  },
};
