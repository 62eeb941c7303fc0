import { expect, type Page } from '@playwright/test';
import { inspect } from '../inspect';
import type { ScenarioHost } from '../scenario-host';
import type { IntegrationHost } from './integration-host';
import { stepTwo } from './step-two';

/**
 * Cancel mid-apply, then resume: the journal keeps what ran, the step offers to resume, and resuming finishes the
 * set-up without running anything twice. `slowDown` makes every sandbox request slow enough to cancel in time, so
 * this runs only where the test owns the sandbox (the harness).
 */
export async function cancelAndResume(page: Page, host: IntegrationHost & ScenarioHost, slowDown: (latencyMs: number) => void): Promise<void> {
  await host.signIn(page);
  const s = stepTwo(page);
  await s.open();
  await s.fillBasics({ warehouse: host.demo.runningWarehouse, catalog: 'ucbridge_resume', servicePrincipal: host.demo.servicePrincipal });
  await page.getByRole('radio', { name: /Automatic/ }).check();
  await s.saveAndValidate();
  await s.previewPlan();

  // Slow enough that Cancel lands while statements are still waiting to run.
  slowDown(800);
  try {
    await page.getByTestId('ci-apply-run').click();
    const progress = s.apply.getByTestId('progress-view');
    await expect(s.planSteps.locator('[data-step-state="done"]').first()).toBeVisible({ timeout: 30_000 });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toContainText('Cancelled', { timeout: 30_000 });
  } finally {
    slowDown(0);
  }
  await expect(s.apply).toContainText('Cancelled. What ran is journaled');
  await expect(page.getByTestId('ci-resumable')).toBeVisible();
  const resume = page.getByTestId('ci-apply-run');
  await expect(resume).toHaveText(/^Resume set-up/);
  await inspect(page, host, 'ci-apply-cancelled');

  await resume.click();
  const summary = page.getByTestId('ci-apply-summary');
  await expect(summary).toContainText('Set-up finished (resumed an interrupted run)', { timeout: 60_000 });
  await expect(summary).toContainText('0 failed');
  await expect(page.getByTestId('ci-resumable')).toHaveCount(0);
}
