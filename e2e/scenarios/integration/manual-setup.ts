import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { splitStatements } from './split-statements';
import { expectRevealed, stepTwo } from './step-two';

export const manualSetup: IntegrationScenario = {
  title: 'manual set-up: export setup.sql, Verify shows what is missing, a colleague runs the script, Verify converges',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    await s.fillBasics({ warehouse: host.demo.runningWarehouse, catalog: 'ucbridge_manual', servicePrincipal: host.demo.servicePrincipal });
    await s.chooseMode('Manual');
    await s.saveAndValidate();
    await s.previewPlan();
    await expect(s.section('Apply')).toHaveCount(0);

    const exportSection = s.section('Export');
    const [download] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('button', { name: 'Download setup.sql' }).click()]);
    expect(download.suggestedFilename()).toBe('setup.sql');
    const script = await readFile(await download.path(), 'utf8');
    expect(script).toMatch(/^-- /);
    expect(script).toContain('ucbridge_manual');
    expect(script).toMatch(/CREATE CATALOG IF NOT EXISTS `ucbridge_manual`/);
    expect(script).toMatch(/GRANT .* TO `/);
    const statements = splitStatements(script);
    expect(statements.length).toBeGreaterThan(3);

    const verify = s.section('Verify');
    await verify.getByRole('button', { name: 'Verify the workspace' }).click();
    const report = page.getByTestId('ci-verify-report');
    await expect(report).toHaveAttribute('data-converged', 'false', { timeout: 30_000 });
    await expect(report.getByTestId('verify-step').filter({ hasText: 'Missing' }).first()).toBeVisible();
    await inspect(page, host, 'ci-manual-missing');

    // Someone with the privileges runs the exported script, statement by statement, through the real driver.
    await host.runAsAdmin(statements);
    await verify.getByRole('button', { name: 'Verify the workspace' }).click();
    await expect(report).toHaveAttribute('data-converged', 'true', { timeout: 30_000 });
    await expect(report).toContainText('Converged');
    await expectRevealed(report);
    // Verified: the step says Done, and so does its Set up part.
    await expect(page.getByTestId('step-status')).toHaveText('Done');
    await expect(s.partButton('Set up')).toHaveAttribute('data-status', 'done');
  },
};
