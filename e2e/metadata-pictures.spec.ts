import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { request } from 'node:https';
import { require as tsxRequire } from 'tsx/cjs/api';
import { PARTNER_USER_AGENT } from '../shared/product';
import { inspect } from './scenarios/inspect';
import { wizard } from './scenarios/wizard';
import { test, type AuthWorld } from './support/auth-fixture';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { harnessClient } from './support/harness-client';
import { harnessHost } from './support/harness-host';
import { signInToSandbox } from './support/sandbox-sign-in';

type SandboxSqlModule = typeof import('../electron/services/integration/observe/sandbox-sql.test-support');

test.skip(!hasChromium(), CHROMIUM_MISSING);

/**
 * Lineage lives in system.access (table_lineage, column_lineage): the metastore admin enables the schema (system
 * schemas API, https://docs.databricks.com/api/workspace/systemschemas/enable) and lets the signed-in admin read it,
 * as a workspace admin does before lineage can be queried (https://docs.databricks.com/aws/en/admin/system-tables/).
 */
async function lineageReadable(world: AuthWorld): Promise<void> {
  const e = world.emulator;
  const admin = e.users.find((u) => u.admin)!;
  for (const schema of ['access', 'query']) {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${e.workspaceUrl}/api/2.1/unity-catalog/metastores/${e.sandbox.metastoreId}/systemschemas/${schema}`,
        { method: 'PUT', ca: e.caCertPem, headers: { authorization: `Bearer ${admin.token}`, 'user-agent': PARTNER_USER_AGENT, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status, `enable system.${schema}`).toBeLessThan(300);
  }
  const { sandboxSql } = tsxRequire('../electron/services/integration/observe/sandbox-sql.test-support.ts', __filename) as SandboxSqlModule;
  const logDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-pic-'));
  const sql = sandboxSql(e, admin.userName, logDir);
  const session = await sql.open();
  try {
    await session.execute(`GRANT USE CATALOG ON CATALOG system TO \`${admin.userName}\``);
    for (const schema of ['access', 'query']) await session.execute(`GRANT USE SCHEMA, SELECT ON SCHEMA system.${schema} TO \`${admin.userName}\``);
  } finally {
    await session.close();
    await sql.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

/** The integration names the warehouse (so the crawl goes over SQL and reads lineage), rules select hr and main.sales, and a full crawl runs — all through main's channels. */
async function crawled(world: AuthWorld, page: Page): Promise<void> {
  const client = await harnessClient(page, world.harness);
  try {
    const e = world.emulator;
    const running = e.warehouses.find((w) => w.state === 'RUNNING')!;
    const sp = e.servicePrincipals.find((s) => !s.admin)!;
    await client.call('integration.saveSettings', {
      settings: {
        config: { workspaceUrl: e.workspaceUrl, httpPath: running.httpPath, catalog: 'ucbridge_pic', audit: { enabled: false }, servicePrincipal: { applicationId: sp.applicationId }, governedCatalogs: ['main'] },
        mode: 'automatic',
        servicePrincipal: { displayName: sp.displayName, createdByUcbridge: false, secretInVault: false },
      },
    });
    const crawl = await client.call('metadata.crawl', { taskId: `e2e-pic-${Date.now()}`, mode: 'full' });
    expect((crawl.snapshot as { source: string }).source).toBe('sql');
    expect((crawl.snapshot as { counts: { lineageEdges: number } }).counts.lineageEdges).toBeGreaterThan(0);
    await client.call('metadata.saveRules', { rules: { include: ['hr', 'main.sales.*'], exclude: [], defaultActive: false } });
  } finally {
    client.close();
  }
}

async function openPictures(page: Page): Promise<void> {
  await wizard(page).stepButton('register-metadata').click();
  await page.locator('button.ui-substeps__button[data-substep="pictures"]').click();
  await expect(page.getByTestId('lineage-view')).toBeVisible();
}

/** Nothing wider than the window: the document, and each picture, fit. */
async function expectNoOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    interface Box {
      readonly scrollWidth: number;
      readonly clientWidth: number;
    }
    // The e2e code is type-checked without the DOM lib (page-globals.ts): the few globals used here, typed.
    const { document } = globalThis as unknown as { document: { documentElement: Box; querySelector(s: string): Box | null } };
    const doc = document.documentElement;
    const views = ['lineage-view', 'coverage-view'].map((id) => document.querySelector(`[data-testid="${id}"]`)!);
    return { doc: [doc.scrollWidth, doc.clientWidth], views: views.map((v) => [v.scrollWidth, v.clientWidth]) };
  });
  expect(widths.doc[0], `document width at ${page.viewportSize()!.width} px`).toBeLessThanOrEqual(widths.doc[1]!);
  for (const [scroll, client] of widths.views) expect(scroll).toBeLessThanOrEqual(client!);
}

const node = (page: Page, name: string) => page.getByTestId('lineage-graph').locator(`[data-testid="lineage-node"][data-name="${name}"]`);

test.describe('Register metadata (step 4): lineage graph and coverage chart, in Debian chromium', () => {
  test('open the graph of a demo table, expand a table, read column lineage; open coverage and drill to objects; axe light and dark; 1024 px', async ({ page, auth }) => {
    test.setTimeout(180_000);
    const host = harnessHost(auth.harness, page);
    await signInToSandbox(page, auth);
    await lineageReadable(auth);
    await crawled(auth, page);
    await openPictures(page);

    // Pick a table through the search box (the index's search channel).
    await page.getByTestId('lineage-search').fill('customer_prof');
    await page.getByRole('option', { name: /analytics\.customer_360\.customer_profile/ }).click();
    await page.getByTestId('lineage-show').click();
    const graph = page.getByTestId('lineage-graph');
    await expect(node(page, 'analytics.customer_360.customer_profile')).toBeVisible({ timeout: 20_000 });
    // Upstream (the tables the CTAS read) and downstream (the table built from it), one hop each way.
    for (const name of ['main.sales.customers', 'main.sales.orders', 'analytics.customer_360.lifetime_value']) await expect(node(page, name)).toBeVisible();
    await expect(graph.locator('.react-flow__edge')).toHaveCount(3);
    const upstreamX = (await node(page, 'main.sales.orders').boundingBox())!.x;
    const rootX = (await node(page, 'analytics.customer_360.customer_profile').boundingBox())!.x;
    expect(upstreamX).toBeLessThan(rootX);

    // Keyboard: Tab reaches the tables, Enter picks one; then expand around it.
    const orders = graph.locator('.react-flow__node[data-id="main.sales.orders"]');
    await orders.focus();
    await expect(orders).toHaveAttribute('aria-label', /main\.sales\.orders, 1 hop upstream, .*not expanded yet/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lineage-focus')).toContainText('main.sales.orders');
    await page.getByTestId('lineage-expand').click();
    // orders also feeds the daily sales table and the recent-orders view.
    await expect(node(page, 'analytics.gold.daily_sales')).toBeVisible({ timeout: 20_000 });
    await expect(node(page, 'main.sales.orders')).toHaveAttribute('data-expanded', 'true');
    await expect(page.getByTestId('lineage-expand')).toHaveAttribute('aria-disabled', 'true');

    // Column lineage of one link, from the text list of links.
    await page.getByTestId('lineage-edges').getByRole('button', { name: /The graph as a list/ }).click();
    await expect(page.getByTestId('lineage-edges')).toContainText('main.sales.customers feeds analytics.customer_360.customer_profile');
    await page.getByRole('button', { name: 'Columns: main.sales.customers to analytics.customer_360.customer_profile' }).click();
    const columns = page.getByTestId('lineage-columns');
    await expect(columns).toContainText('main.sales.customers.email', { timeout: 20_000 });
    await expect(columns.locator('tbody tr')).not.toHaveCount(0);
    await expect(columns).toContainText('analytics.customer_360.customer_profile.email');
    await inspect(page, host, 'metadata-lineage');

    // Coverage: per catalog, then a bar segment to the objects behind it.
    const coverage = page.getByTestId('coverage-view');
    await coverage.scrollIntoViewIfNeeded();
    await expect(coverage.getByTestId('coverage-chart')).toBeVisible({ timeout: 20_000 });
    await coverage.locator('[data-testid="coverage-bar"][data-name="hr"][data-measure="registration"][data-part="covered"]').click();
    const objects = coverage.getByTestId('coverage-objects');
    await expect(objects.getByRole('heading')).toContainText('Registered tables in hr');
    await expect(objects.locator('tbody tr[data-path="hr.people.employees"]')).toBeVisible();
    await expect(objects.getByRole('heading')).toBeFocused();
    await inspect(page, host, 'metadata-coverage-chart');

    // At 1024 px the graph still fits its pane (it re-fits when the pane narrows).
    await page.setViewportSize({ width: 1024, height: 768 });
    const inside = async (name: string) => {
      const [pane, box] = [(await graph.boundingBox())!, (await node(page, name).boundingBox())!];
      return box.x >= pane.x && box.x + box.width <= pane.x + pane.width;
    };
    for (const name of ['main.sales.customers', 'analytics.customer_360.lifetime_value']) await expect.poll(() => inside(name), { message: `${name} inside the pane` }).toBe(true);

    // Into hr's schemas; the masked sensitive columns of hr.people from the data table (the keyboard way).
    await coverage.locator('[data-testid="coverage-catalog"][data-name="hr"]').click();
    await expect(coverage.getByRole('navigation', { name: 'Coverage level' })).toContainText('hr');
    await coverage.getByTestId('coverage-tab-table').click();
    const table = coverage.getByTestId('coverage-table');
    await table.locator('tr[data-name="people"]').getByTestId('coverage-count-masks-covered').click();
    await expect(objects.getByRole('heading')).toContainText('Sensitive columns under a mask in hr.people');
    await expect(objects.locator('tbody tr[data-path="hr.people.employees.national_id"]')).toBeVisible();
    await expectNoOverflow(page);
    await inspect(page, host, 'metadata-pictures-1024');
  });
});
