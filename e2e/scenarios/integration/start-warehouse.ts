import { expect } from '@playwright/test';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { stepTwo } from './step-two';

export const startWarehouse: IntegrationScenario = {
  title: 'a stopped warehouse starts from the picker, with a progress bar in place, and its HTTP path can be copied',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    const stopped = s.warehouse.getByTestId('warehouse-option').filter({ hasText: 'Stopped' }).first();
    const name = ((await stopped.locator('strong').textContent()) ?? '').trim();
    await stopped.getByRole('button', { name: `Start ${name}` }).click();
    const progress = s.warehouse.getByTestId('progress-view');
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
    // Shown beside the button, not a second time in the window's task tray.
    await expect(page.getByTestId('task-tray')).toHaveCount(0);
    await inspect(page, host, 'ci-warehouse-starting');
    await expect(progress).toContainText('Done', { timeout: 60_000 });
    const started = s.warehouse.getByTestId('warehouse-option').filter({ hasText: name });
    await expect(started).toContainText('Running');
    await expect(started.getByRole('radio')).toBeChecked();
    const path = page.getByTestId('warehouse-http-path');
    await expect(path).toContainText('/sql/1.0/warehouses/');
    await path.getByRole('button', { name: 'Copy HTTP path' }).press('Enter');
    expect(await host.readClipboard()).toBe(((await path.locator('code').textContent()) ?? '').trim());
  },
};
