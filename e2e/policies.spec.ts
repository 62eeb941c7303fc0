import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { require as tsxRequire } from 'tsx/cjs/api';
import { inspect } from './scenarios/inspect';
import { wizard } from './scenarios/wizard';
import { test, type AuthWorld } from './support/auth-fixture';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { harnessClient } from './support/harness-client';
import { harnessHost } from './support/harness-host';
import { signInToSandbox } from './support/sandbox-sign-in';

type SandboxSqlModule = typeof import('../electron/services/integration/observe/sandbox-sql.test-support');

test.skip(!hasChromium(), CHROMIUM_MISSING);

const ANALYST = 'siobhan.obrien@lakeside.example';
/** A mask and a filter, written by hand in the editor. */
const POLICIES = JSON.stringify(
  {
    policies: [
      { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['data-governance'] },
      { name: 'orders-by-region', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { userAttribute: 'region' }, exempt: ['data-governance'] },
    ],
  },
  null,
  2,
);

async function asAdmin(world: AuthWorld, statements: readonly string[]): Promise<void> {
  const { sandboxSql } = tsxRequire('../electron/services/integration/observe/sandbox-sql.test-support.ts', __filename) as SandboxSqlModule;
  const admin = world.emulator.users.find((u) => u.admin)!;
  const logDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-pol-'));
  const sql = sandboxSql(world.emulator, admin.userName, logDir);
  const session = await sql.open();
  try {
    for (const s of statements) await session.execute(s);
  } finally {
    await session.close();
    await sql.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

/** Step 2 done through main's channels (its own e2e covers the UI): the integration catalog exists. */
async function integrationInPlace(world: AuthWorld, page: Page): Promise<void> {
  const client = await harnessClient(page, world.harness);
  const call = client.call;
  const e = world.emulator;
  const running = e.warehouses.find((w) => w.state === 'RUNNING')!;
  const sp = e.servicePrincipals.find((s) => !s.admin)!;
  await call('integration.saveSettings', {
    settings: {
      config: { workspaceUrl: e.workspaceUrl, httpPath: running.httpPath, catalog: 'ucbridge_pol', audit: { enabled: false }, servicePrincipal: { applicationId: sp.applicationId }, governedCatalogs: ['main'] },
      mode: 'automatic',
      servicePrincipal: { displayName: sp.displayName, createdByUcbridge: false, secretInVault: false },
    },
  });
  const plan = await call('integration.plan', { kind: 'setup' });
  await call('integration.apply', { taskId: `e2e-pol-${Date.now()}`, kind: 'setup', planHash: plan.hash });
  client.close();
  await asAdmin(world, [`INSERT INTO ucbridge_pol.entitlements.principal_attributes VALUES ('${ANALYST}', 'region', 'EMEA', current_timestamp())`]);
}

async function openStepThree(page: Page): Promise<void> {
  const w = wizard(page);
  await w.stepButton('map-users-policies').click();
  await expect(w.heading).toHaveText('Map users & policies');
}

test.describe('Map users & policies (step 3): policies and preview as a user, in Debian chromium', () => {
  test('write a mask and a filter, check, preview the plan as a user, plan, apply, preview what is applied, uninstall; axe and a screenshot of each view', async ({ page, auth }) => {
    test.setTimeout(180_000);
    const host = harnessHost(auth.harness, page);
    await signInToSandbox(page, auth);
    await integrationInPlace(auth, page);
    await openStepThree(page);
    // Users is step 3's first part; the policies are the second.
    await page.locator('button.ui-substeps__button[data-substep="policies"]').click();

    await page.getByLabel('Policies', { exact: true }).fill(POLICIES);
    await page.getByTestId('mp-validate').click();
    await expect(page.getByTestId('mp-validation')).toContainText('2 policies are valid.', { timeout: 30_000 });
    await inspect(page, host, 'mp-policies');

    // Before apply, the preview computes the plan for the analyst.
    await page.locator('button.ui-substeps__button[data-substep="preview"]').click();
    await page.getByTestId('mp-preview-principal').fill(ANALYST);
    await page.getByTestId('mp-preview-table').fill('main.sales.orders');
    await page.getByTestId('mp-preview-run').click();
    const planned = page.getByTestId('mp-preview-summary');
    await expect(planned).toContainText('Computed from the plan: not applied yet.', { timeout: 30_000 });
    expect(Number(await planned.locator('strong').nth(1).textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId('mp-preview-principal-rows').locator('tbody tr').first()).toContainText('EMEA');
    await inspect(page, host, 'mp-preview-plan');
    await page.locator('button.ui-substeps__button[data-substep="policies"]').click();

    await page.getByTestId('mp-plan').click();
    const steps = page.getByTestId('ci-plan-setup').getByTestId('plan-step');
    await expect(steps).toHaveCount(6, { timeout: 30_000 });
    await expect(steps.filter({ has: page.locator('[data-action="create"]') })).toHaveCount(6);
    await inspect(page, host, 'mp-plan');
    await page.getByTestId('mp-apply').click();
    await expect(page.getByTestId('ci-apply-summary')).toContainText('0 failed', { timeout: 60_000 });
    await inspect(page, host, 'mp-applied');

    await page.locator('button.ui-substeps__button[data-substep="preview"]').click();
    await page.getByTestId('mp-preview-principal').fill(ANALYST);
    await page.getByTestId('mp-preview-table').fill('main.sales.orders');
    await page.getByTestId('mp-preview-run').click();
    const summary = page.getByTestId('mp-preview-summary');
    await expect(summary).toContainText('rows hidden by the row filter', { timeout: 30_000 });
    await expect(summary).toContainText('Computed through the applied policy functions.');
    expect(Number(await summary.locator('strong').nth(1).textContent())).toBeGreaterThan(0);
    await page.getByTestId('mp-preview-table').fill('main.sales.customers');
    await page.getByTestId('mp-preview-run').click();
    await expect(page.getByTestId('mp-preview-principal-rows').locator('th.is-masked')).toHaveText(/email/, { timeout: 30_000 });
    await expect(page.getByTestId('mp-preview-principal-rows').locator('td[data-masked="true"]').first()).toHaveText(/^[0-9a-f]{64}$/);
    await inspect(page, host, 'mp-preview');

    await page.locator('button.ui-substeps__button[data-substep="policies"]').click();
    await page.getByTestId('mp-plan-uninstall').click();
    await expect(page.getByTestId('ci-plan-uninstall').getByTestId('plan-step')).toHaveCount(6, { timeout: 30_000 });
    await page.getByTestId('mp-apply').click();
    await expect(page.getByTestId('ci-apply-summary')).toContainText('Uninstall finished', { timeout: 60_000 });
    await inspect(page, host, 'mp-uninstalled');
  });
});
