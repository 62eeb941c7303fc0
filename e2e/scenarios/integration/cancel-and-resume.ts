import { expect, type Page } from '@playwright/test';
import { inspect } from '../inspect';
import type { ScenarioHost } from '../scenario-host';
import type { IntegrationHost } from './integration-host';
import { stepTwo } from './step-two';

/** The sandbox's test controls this scenario needs; only where the test owns the sandbox (the harness). */
export interface SandboxControls {
  /** Every sandbox request takes this long (0: none). */
  slowDown(latencyMs: number): void;
  /** The sandbox stops answering (requests wait) until `answer()`; resolves once a request is held. */
  hold(): Promise<void>;
  answer(): void;
}

/**
 * Cancel mid-apply, then resume: the journal keeps what ran, the step offers to resume, and resuming finishes the
 * set-up without running anything twice. The apply is held, not raced: once a step is done the sandbox stops
 * answering, so Cancel always lands while statements are still waiting, however slow the machine.
 */
export async function cancelAndResume(page: Page, host: IntegrationHost & ScenarioHost, sandbox: SandboxControls): Promise<void> {
  await host.signIn(page);
  const s = stepTwo(page);
  await s.open();
  await s.fillBasics({ warehouse: host.demo.runningWarehouse, catalog: 'ucbridge_resume', servicePrincipal: host.demo.servicePrincipal });
  await s.chooseMode('Automatic');
  await s.saveAndValidate();
  await s.previewPlan();

  // Slow enough that the sandbox is holding the rest of the plan long before it could finish (seconds, against
  // the moment between a step showing done and the hold).
  sandbox.slowDown(800);
  try {
    await page.getByTestId('ci-apply-run').click();
    const progress = s.apply.getByTestId('progress-view');
    await expect(s.planSteps.locator('[data-step-state="done"]').first()).toBeVisible({ timeout: 30_000 });
    await sandbox.hold();
    await expect(s.planSteps.locator('[data-step-state="running"]').first()).toBeVisible();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toContainText('Cancelled', { timeout: 30_000 });
  } finally {
    sandbox.slowDown(0);
    sandbox.answer();
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
