import { expect } from '@playwright/test';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { stepTwo } from './step-two';

export const uninstallPreview: IntegrationScenario = {
  title: 'an existing integration shows its status; Uninstall previews the uninstall plan before anything runs',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    const lifecycle = s.section('This integration');
    await expect(lifecycle.getByTestId('ci-lifecycle-status')).toHaveAttribute('data-status', 'enabled');
    await lifecycle.getByRole('button', { name: 'Uninstall…' }).click();
    const plan = page.getByTestId('ci-plan-uninstall');
    await expect(plan).toBeVisible({ timeout: 30_000 });
    await expect(plan.getByTestId('plan-step').first()).toBeVisible();
    await expect(plan).toContainText(/DROP|REVOKE/);
    await expect(lifecycle.getByRole('button', { name: /Apply uninstall: \d+ statements/ })).toBeVisible();
    await expect(lifecycle.getByRole('button', { name: 'Download uninstall.sql' })).toBeVisible();
    await inspect(page, host, 'ci-uninstall-preview');
  },
};
