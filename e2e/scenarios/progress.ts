import { expect } from '@playwright/test';
import { inspect } from './inspect';
import type { PageGlobals } from '../support/page-globals';
import type { Scenario } from './scenario';
import { wizard } from './wizard';

export const progress: Scenario = {
  title: 'the progress view follows task.progress: counts, indeterminate bar, reduced motion; Cancel leaves no card, Done is a toast',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();

    const crawl = await host.startTask({ label: 'E2E: crawling 10 tables', total: 10 });
    const view = w.progressView('E2E: crawling 10 tables');
    const bar = view.getByRole('progressbar', { name: 'E2E: crawling 10 tables' });
    await expect(view).toContainText('In progress');
    await expect(bar).toHaveAttribute('max', '10');
    await expect(bar).toHaveAttribute('value', '0');
    await expect(w.statusLine).toHaveText('Started: E2E: crawling 10 tables');
    await crawl.progress({ done: 4 });
    await expect(view).toContainText('4 of 10 (40%)');
    await expect(bar).toHaveAttribute('value', '4');
    await inspect(page, host, 'progress-view');

    // Cancel goes to main (task.cancel); main cancels the task and its event settles the view.
    const cancel = view.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    expect(await crawl.outcome()).toBe('cancelled');
    // A cancelled task is not an error: its card goes, nothing stays behind; screen readers hear it once.
    await expect(view).toHaveCount(0);
    await expect(w.statusLine).toHaveText('Cancelled: E2E: crawling 10 tables');
    await expect(page.getByTestId('error-view')).toHaveCount(0);

    // No total: an indeterminate bar that moves, and stands still when the user prefers reduced motion.
    const wait = await host.startTask({ label: 'E2E: waiting for the browser' });
    const waiting = w.progressView('E2E: waiting for the browser');
    const indeterminate = waiting.getByRole('progressbar');
    await expect(waiting).toContainText('Working…');
    await expect(indeterminate).not.toHaveAttribute('value');
    const animation = () => indeterminate.evaluate((el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).animationName);
    expect(await animation()).toBe('progress-sweep');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });

    // The title stays what the task is, whatever step it reports.
    await wait.progress({ label: 'E2E: step 3 of the wait' });
    await expect(waiting.getByRole('heading')).toHaveText('E2E: waiting for the browser');
    await expect(waiting).toContainText('E2E: step 3 of the wait');

    // Done: the card goes and a toast says so, then clears itself.
    await wait.succeed();
    expect(await wait.outcome()).toBe('succeeded');
    await expect(waiting).toHaveCount(0);
    await expect(w.statusLine).toHaveText('Done: E2E: waiting for the browser');
    const toast = page.getByTestId('result-toast').filter({ hasText: 'Done: E2E: waiting for the browser' });
    await expect(toast).toBeVisible();
    await expect(toast).toHaveCount(0, { timeout: 15_000 });
  },
};
