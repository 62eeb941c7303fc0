import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { require as tsxRequire } from 'tsx/cjs/api';
import { PARTNER_USER_AGENT } from '../shared/product';
import { inspect } from './scenarios/inspect';
import type { ScenarioHost } from './scenarios/scenario-host';
import { wizard } from './scenarios/wizard';
import { test, type AuthWorld } from './support/auth-fixture';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { harnessClient } from './support/harness-client';
import { harnessHost } from './support/harness-host';
import { signInToSandbox } from './support/sandbox-sign-in';

type SandboxSqlModule = typeof import('../electron/services/integration/observe/sandbox-sql.test-support');

test.skip(!hasChromium(), CHROMIUM_MISSING);

const CATALOG = 'ucbridge_md';

/** Statements as the sandbox's admin (the way someone else changes the workspace between two crawls). */
async function asAdmin(world: AuthWorld, statements: readonly string[]): Promise<Record<string, unknown>[]> {
  const { sandboxSql } = tsxRequire('../electron/services/integration/observe/sandbox-sql.test-support.ts', __filename) as SandboxSqlModule;
  const admin = world.emulator.users.find((u) => u.admin)!;
  const logDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-md-'));
  const sql = sandboxSql(world.emulator, admin.userName, logDir);
  const session = await sql.open();
  let last: Record<string, unknown>[] = [];
  try {
    for (const s of statements) last = (await session.execute(s)) as Record<string, unknown>[];
  } finally {
    await session.close();
    await sql.close();
    await rm(logDir, { recursive: true, force: true });
  }
  return last;
}

/**
 * Lineage lives in system.access: the metastore admin enables the schema (system schemas API,
 * https://docs.databricks.com/api/workspace/systemschemas/enable) and lets the signed-in admin read it
 * (https://docs.databricks.com/aws/en/admin/system-tables/), so the crawl reads lineage for the graph.
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
  await asAdmin(world, [`GRANT USE CATALOG ON CATALOG system TO \`${admin.userName}\``, ...['access', 'query'].map((s) => `GRANT USE SCHEMA, SELECT ON SCHEMA system.${s} TO \`${admin.userName}\``)]);
}

/** Step 2 done through main's channels (its own e2e covers the UI): the integration catalog and its registry exist. */
async function integrationInPlace(world: AuthWorld, page: Page): Promise<void> {
  const client = await harnessClient(page, world.harness);
  const e = world.emulator;
  const running = e.warehouses.find((w) => w.state === 'RUNNING')!;
  const sp = e.servicePrincipals.find((s) => !s.admin)!;
  try {
    await client.call('integration.saveSettings', {
      settings: {
        config: { workspaceUrl: e.workspaceUrl, httpPath: running.httpPath, catalog: CATALOG, audit: { enabled: false }, servicePrincipal: { applicationId: sp.applicationId }, governedCatalogs: ['main'] },
        mode: 'automatic',
        servicePrincipal: { displayName: sp.displayName, createdByUcbridge: false, secretInVault: false },
      },
    });
    const plan = await client.call('integration.plan', { kind: 'setup' });
    await client.call('integration.apply', { taskId: `e2e-md-${Date.now()}`, kind: 'setup', planHash: plan.hash });
  } finally {
    client.close();
  }
}

/** axe light and dark, screenshots, and no sideways scrolling at 1024 px wide. */
async function check(page: Page, host: ScenarioHost, name: string): Promise<void> {
  await inspect(page, host, name);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1024, height: size.height });
  try {
    // Charts follow their container through a ResizeObserver, a frame or more after the resize: measure until the
    // layout settles (a lasting overflow still fails after the timeout, naming what sticks out).
    const measure = () => page.evaluate(() => {
      // Typed here: page-globals.ts (shared) does not list these, and this is the only spec measuring them.
      interface Box {
        readonly tagName: string;
        readonly className: unknown;
        getAttribute(name: string): string | null;
        getBoundingClientRect(): { right: number };
      }
      const { document } = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<Box> } };
      const width = document.documentElement.clientWidth;
      // The innermost elements sticking out, to say where the overflow comes from.
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .slice(-5)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}[${e.getAttribute('data-testid') ?? ''}]`);
      return { by: document.documentElement.scrollWidth - width, wide };
    });
    let overflow = await measure();
    await expect.poll(async () => (overflow = await measure()).by, { timeout: 5_000 }).toBeLessThanOrEqual(0).catch(() => undefined);
    expect(overflow.by, `${name}: horizontal overflow at 1024 px from ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(0);
  } finally {
    await page.setViewportSize(size);
  }
}

const subStep = (page: Page, id: string) => page.locator(`button.ui-substeps__button[data-substep="${id}"]`);

test.describe('Register metadata (step 4) in Debian chromium', () => {
  test('crawl the demo seed, search, select by rule, register, lineage and coverage, change the sandbox, re-crawl, apply the diff, publish a tag', async ({ page, auth }) => {
    test.setTimeout(300_000);
    const host = harnessHost(auth.harness, page);
    await signInToSandbox(page, auth);
    await integrationInPlace(auth, page);
    await lineageReadable(auth);
    await asAdmin(auth, ['CREATE TABLE main.sales.e2e_changing (id INT)', 'CREATE TABLE main.sales.e2e_scratch (id INT)']);
    try {
      const w = wizard(page);
      await w.stepButton('register-metadata').click();
      await expect(w.heading).toHaveText('Register metadata');

      // Crawl: the counts equal what information_schema shows the installer.
      await page.getByTestId('rm-crawl-full').click();
      await expect(page.getByTestId('rm-snapshot')).toBeVisible({ timeout: 120_000 });
      const [count] = await asAdmin(auth, ["SELECT count(*) AS n FROM system.information_schema.tables WHERE table_catalog <> 'system' AND table_schema <> 'information_schema'"]);
      await expect(page.getByTestId('rm-snapshot-counts').locator('dd[data-count="Tables"]')).toHaveText(Number(count!.n).toLocaleString('en'));
      await expect(page.getByTestId('rm-snapshot')).toContainText('information_schema shows only what the identity that crawls may see');
      await check(page, host, 'md-crawl');

      // Picker: the tree by keyboard, then search.
      await subStep(page, 'select').click();
      const tree = page.getByRole('tree', { name: 'Catalogs, schemas and tables' });
      await expect(tree.locator('[data-kind="CATALOG"][data-path="main"]')).toBeVisible();
      await tree.focus();
      const mainIndex = await tree.locator('[role="treeitem"]').evaluateAll((rows) => rows.findIndex((r) => r.getAttribute('data-path') === 'main'));
      for (let i = 0; i < mainIndex; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await expect(tree.locator('[data-kind="SCHEMA"][data-path="main.sales"]')).toBeVisible();
      await expect(tree.locator('[data-path="main"]')).toHaveAttribute('aria-expanded', 'true');
      await page.getByTestId('rm-search').fill('e2e_changing');
      const hit = page.getByTestId('rm-search-hit').and(page.locator('[data-path="main.sales.e2e_changing"]'));
      await expect(hit).toBeVisible();
      await check(page, host, 'md-search');

      // Select by rule: include main.sales.*, exclude one table picked from the search; new objects inactive.
      await page.getByTestId('rm-search').fill('e2e_scratch');
      await page.getByTestId('rm-search-hit').and(page.locator('[data-path="main.sales.e2e_scratch"]')).click();
      await expect(page.getByTestId('rm-picked')).toHaveAttribute('data-path', 'main.sales.e2e_scratch');
      await page.getByTestId('rm-rule-include').click();
      await expect(page.getByTestId('rm-rule-include')).toHaveAttribute('aria-pressed', 'true');
      await page.getByTestId('rm-search').fill('');
      await page.getByTestId('rm-add-rule-text').fill('main.sales.*');
      await page.getByTestId('rm-add-rule').click();
      await expect(page.getByTestId('rm-rules-include')).toContainText('main.sales.*');
      await page.getByTestId('rm-save-rules').click();
      await expect(page.getByTestId('rm-save-rules')).toHaveAttribute('aria-disabled', 'true');
      await expect(tree.locator('[data-path="main.sales"]')).toHaveAttribute('data-selection', 'inactive');
      await expect(page.getByTestId('rm-selected')).not.toContainText('register 0 tables');
      await check(page, host, 'md-rules');

      // Register: the plan first, then exactly that plan.
      await page.getByTestId('rm-register-plan').click();
      await expect(page.getByTestId('rm-register-counts')).toBeVisible({ timeout: 30_000 });
      await check(page, host, 'md-register-plan');
      await page.getByTestId('rm-register-run').click();
      await expect(page.getByTestId('rm-register-summary')).toContainText('0 failed', { timeout: 60_000 });
      const registered = await asAdmin(auth, [`SELECT full_name, active FROM ${CATALOG}.registry.registered_objects`]);
      expect(registered.some((r) => r.full_name === 'main.sales.e2e_scratch' && r.active === false)).toBe(true);
      expect(registered.some((r) => String(r.full_name).startsWith('main.people.'))).toBe(false);

      // The governance product's connection payload, downloaded: the key typed, the rules' defaults, no secret.
      await page.getByTestId('rm-connection-key').fill('lakeside-uc');
      const [payloadFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rm-export-connection').click()]);
      expect(payloadFile.suggestedFilename()).toBe('connection.json');
      const payloadText = await readFile((await payloadFile.path())!, 'utf8');
      expect(JSON.parse(payloadText)).toMatchObject({ connectionKey: 'lakeside-uc', settings: { isActive: false }, options: { forceRecursiveCrawl: true } });
      expect(payloadText).not.toMatch(/clientSecret|"token"|dapi/i);

      // From a picked table to its lineage graph, and the coverage chart beside it.
      await page.getByTestId('rm-search').fill('orders');
      await page.getByTestId('rm-search-hit').and(page.locator('[data-path="main.sales.orders"]')).click();
      await page.getByTestId('rm-open-lineage').click();
      await expect(page.locator('button.ui-substeps__button[data-substep="pictures"]')).toHaveAttribute('aria-current', 'step');
      await expect(page.getByTestId('lineage-graph').locator('[data-testid="lineage-node"][data-name="main.sales.orders"]')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('lineage-graph').locator('[data-testid="lineage-node"]')).not.toHaveCount(1);
      await expect(page.getByTestId('coverage-chart')).toBeVisible({ timeout: 30_000 });
      await check(page, host, 'md-pictures');

      // Someone changes the sandbox; a re-crawl finds exactly that.
      await asAdmin(auth, ['ALTER TABLE main.sales.e2e_changing ADD COLUMN note STRING', 'DROP TABLE main.sales.e2e_scratch', 'CREATE TABLE main.sales.e2e_fresh (id INT)']);
      await subStep(page, 'changes').click();
      await page.getByTestId('rm-crawl-incremental').click();
      const changed = page.getByTestId('rm-diff-changed-list').locator('li[data-name="main.sales.e2e_changing"]');
      await expect(changed).toContainText('Column note added (string)', { timeout: 120_000 });
      await expect(page.getByTestId('rm-diff-dropped-list').locator('li[data-name="main.sales.e2e_scratch"]')).toBeVisible();
      await expect(page.getByTestId('rm-diff-new-list').locator('li[data-name="main.sales.e2e_fresh"]')).toBeVisible();
      await check(page, host, 'md-changes');
      await page.getByTestId('rm-apply-diff-plan').click();
      await expect(page.getByTestId('rm-apply-diff-counts')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('rm-apply-diff-run').click();
      await expect(page.getByTestId('rm-apply-diff-summary')).toContainText('0 failed', { timeout: 60_000 });
      const after = await asAdmin(auth, [`SELECT full_name FROM ${CATALOG}.registry.registered_objects`]);
      expect(after.some((r) => r.full_name === 'main.sales.e2e_scratch')).toBe(false);
      expect(after.some((r) => r.full_name === 'main.sales.e2e_fresh')).toBe(true);

      // Tags: set one on a column, plan, publish; publishing again has nothing to do.
      await subStep(page, 'tags').click();
      await page.getByTestId('rm-tag-object').fill('main.sales.e2e_changing.note');
      await page.getByTestId('rm-tag-key').fill('pii');
      await page.getByTestId('rm-tag-value').fill('free_text');
      await page.getByTestId('rm-tag-set').click();
      await page.getByTestId('rm-tags-plan').click();
      await expect(page.getByTestId('rm-tags-counts')).toContainText('1 tags to add', { timeout: 30_000 });
      await check(page, host, 'md-tags');
      const [script] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rm-tags-export').click()]);
      expect(script.suggestedFilename()).toBe('publish-tags.sql');
      expect(await readFile((await script.path())!, 'utf8')).toContain("ALTER TABLE `main`.`sales`.`e2e_changing` ALTER COLUMN `note` SET TAGS ('pii' = 'free_text');");
      await page.getByTestId('rm-tags-publish').click();
      await expect(page.getByTestId('rm-tags-summary')).toContainText('0 failed', { timeout: 60_000 });
      await page.getByTestId('rm-tags-plan').click();
      await expect(page.getByTestId('rm-tags-nothing')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('rm-tag-key').fill('bad-key');
      await page.getByTestId('rm-tag-set').click();
      await expect(page.locator('.rm-tag-editor .field__problem')).toContainText('does not allow in keys');
    } finally {
      await asAdmin(auth, ['DROP TABLE IF EXISTS main.sales.e2e_changing', 'DROP TABLE IF EXISTS main.sales.e2e_scratch', 'DROP TABLE IF EXISTS main.sales.e2e_fresh']);
    }
  });
});
