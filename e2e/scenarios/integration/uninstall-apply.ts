import { expect } from '@playwright/test';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { expectRevealed, stepTwo } from './step-two';

export const uninstallApply: IntegrationScenario = {
  title: 'uninstall: the previewed uninstall plan runs, the step says it is uninstalled, and the settings can be forgotten',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    await s.goTo('Manage');
    const lifecycle = s.section('This integration');
    await expect(lifecycle).toBeVisible();
    if ((await lifecycle.getByTestId('ci-uninstall').count()) === 0) await lifecycle.getByRole('button', { name: 'Uninstall…' }).click();
    const plan = page.getByTestId('ci-plan-uninstall');
    await expect(plan.getByTestId('plan-step').first()).toBeVisible({ timeout: 30_000 });
    const drop = plan.getByTestId('plan-step').last();
    await expect(drop).toContainText(/DROP CATALOG/);
    await expect(drop).toHaveAttribute('data-action', 'drop');
    await expect(drop.locator('.ci-badge--drop')).toHaveText(/Drop$/);
    // Dropping the catalog destroys what is in it: the button waits for the catalog's name, typed.
    const run = lifecycle.getByRole('button', { name: /Apply uninstall: \d+ statements/ });
    await expect(run).toBeDisabled();
    const catalog = (await lifecycle.getByTestId('ci-lifecycle-status').locator('code').textContent())!;
    const confirm = lifecycle.getByRole('textbox', { name: `Type ${catalog} to confirm` });
    await confirm.fill(`${catalog}x`);
    await expect(run).toBeDisabled();
    await confirm.fill(catalog);
    await expect(run).toBeEnabled();
    await run.click();

    const done = page.getByTestId('ci-uninstalled');
    await expect(done).toBeVisible({ timeout: 60_000 });
    await expect(done.getByTestId('ci-apply-summary')).toContainText('Uninstall finished');
    await expect(done.getByTestId('ci-apply-summary')).toContainText('0 failed');
    await expect(s.section('This integration')).toHaveCount(0);
    await expectRevealed(done);
    await inspect(page, host, 'ci-uninstalled');

    await done.getByRole('button', { name: 'Forget the settings' }).click();
    await expect(done).toHaveCount(0);
    await s.goTo('Settings');
    await expect(s.catalog).toHaveValue('ucbridge');
    await expect(page.getByTestId('ci-sp-chosen')).toHaveCount(0);
  },
};
