import { expect } from '@playwright/test';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { expectRevealed, stepTwo } from './step-two';

export const automaticSetup: IntegrationScenario = {
  title: 'automatic set-up: validate, plan with badges, apply with progress and a summary; planning again finds everything unchanged',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    await s.fillBasics({ warehouse: host.demo.runningWarehouse, catalog: 'UCBridge_Auto', servicePrincipal: host.demo.servicePrincipal, governed: host.demo.governedCatalog });
    await expect(s.integration).toContainText('Stored lower-case as ucbridge_auto');
    await s.chooseMode('Automatic');

    const results = await s.saveAndValidate();
    await expect(page.getByTestId('ci-diagram')).toContainText('ucbridge_auto');
    // The privilege table waits behind its summary until opened.
    const privileges = page.getByTestId('ci-least-privilege-details');
    await expect(page.getByTestId('ci-least-privilege-table')).toHaveCount(0);
    await privileges.getByRole('button', { name: /\d+ privileges: \d+ for you/ }).click();
    await expect(page.getByTestId('ci-least-privilege-table').locator('tbody tr')).not.toHaveCount(0);
    const rows = results.getByTestId('validation-row');
    expect(await rows.count()).toBeGreaterThan(3);
    await expect(rows.filter({ hasText: 'Passed' }).first()).toBeVisible();
    // If the audit system schemas are off, the fix is a button that turns them on; then it validates again.
    const enable = results.getByRole('button', { name: /^Enable system\./ });
    for (const name of await enable.allTextContents()) {
      await results.getByRole('button', { name }).click();
      await expect(results.getByRole('button', { name })).toHaveCount(0, { timeout: 30_000 });
    }
    await expect(enable).toHaveCount(0, { timeout: 30_000 });
    await expect(results).toHaveAttribute('data-status', 'passed', { timeout: 30_000 });
    await inspect(page, host, 'ci-validated');

    await s.previewPlan();
    await expect(page.getByTestId('ci-plan-counts')).toContainText(/\d+ statements: \d+ to create/);
    await expect(s.planSteps.filter({ has: page.locator('[data-action="create"]') }).first()).toContainText('Create');
    await expect(page.getByTestId('ci-plan-setup').locator('[data-testid="plan-step"][data-kind="sql"]').first().locator('.ci-sql__keyword').first()).toHaveText(/CREATE/i);
    // Enabling a system schema (audit on, the installer a metastore admin) is a REST call, shown as the request.
    await expect(page.getByTestId('ci-plan-setup').locator('[data-testid="plan-step"][data-kind="rest"]').first().locator('code')).toHaveText(/^PUT \/api\/2\.1\/unity-catalog\/metastores\/.+\/systemschemas\/(access|query)$/);
    await inspect(page, host, 'ci-plan');
    // Copy all, by keyboard: every statement, each after its purpose as a comment.
    await page.getByRole('button', { name: 'Copy all statements' }).press('Enter');
    const copied = await host.readClipboard();
    expect(copied).toContain('CREATE CATALOG IF NOT EXISTS `ucbridge_auto`');
    expect(copied.match(/;\n/g)?.length).toBe(await s.planSteps.count());

    const applyButton = page.getByTestId('ci-apply-run');
    await expect(applyButton).toHaveText(/Apply set-up: \d+ statements/);
    await applyButton.click();
    const summary = page.getByTestId('ci-apply-summary');
    await expect(summary).toBeVisible({ timeout: 60_000 });
    await expect(summary).toContainText('Set-up finished');
    await expect(summary).toContainText('0 failed');
    await expectRevealed(page.getByTestId('ci-apply-result'));
    // The progress card is titled with the task, not with its last statement.
    const progress = s.apply.getByTestId('progress-view');
    await expect(progress).toContainText('Done');
    await expect(progress.getByRole('heading')).toHaveText('Setting up the integration');
    await expect(s.planSteps.locator('[data-step-state="done"]').first()).toBeVisible();
    // One state a row: what the apply did replaces what the plan expected, and the summary is the last word.
    for (const row of await s.planSteps.all()) await expect(row.locator('.ci-badge')).toHaveCount(1);
    await expect(page.getByTestId('ci-nothing-to-apply')).toHaveCount(0);
    await expect(page.getByTestId('step-status')).toHaveText('Done');
    await inspect(page, host, 'ci-applied');

    // The workspace now matches: planning again marks every statement unchanged and offers nothing to apply.
    await page.getByTestId('ci-plan-run').click();
    await expect(page.getByTestId('ci-plan-counts')).toContainText(/0 to create, 0 to change/, { timeout: 30_000 });
    await expect(s.planSteps.locator('[data-action="create"], [data-action="change"]')).toHaveCount(0);
    await expect(page.getByTestId('ci-nothing-to-apply')).toBeVisible();
    await s.goTo('Manage');
    await expect(page.getByTestId('ci-lifecycle-status')).toHaveAttribute('data-status', 'enabled');
  },
};
