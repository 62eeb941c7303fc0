import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSide } from '../../../emulator/catalog/catalog-side';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { ComposedApp, Json } from '../integration/integration.test-support';
import { adminSql, appWithIntegration, policyCalls } from './policies.test-support';

/**
 * The fallback for a workspace whose compute runs no ABAC policies (they need Databricks SQL, serverless, or
 * Databricks Runtime 16.4 and above: https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements):
 * validation finds out (SHOW POLICIES is refused), a tag-targeted mask is set on each tagged column found at plan
 * time (ALTER TABLE … ALTER COLUMN … SET MASK, https://docs.databricks.com/aws/en/tables/row-and-column-filters),
 * the plan says columns tagged later need a re-apply, and a re-apply picks them up.
 * information_schema.column_masks and row_filters list the table-level masks and filters
 * (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/column_masks,
 * https://docs.databricks.com/aws/en/sql/language-manual/information-schema/row_filters); the docs do not say they
 * list ABAC policies' masks, which SHOW POLICIES lists instead (policies-sandbox.test.ts checks that path).
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let logDir: string;
const ANALYST = 'siobhan.obrien@lakeside.example'; // data-analysts, not exempt
const ADMIN = 'priya.raman@lakeside.example'; // data-governance: exempt

const text = JSON.stringify({
  policies: [
    { name: 'phones-last4', type: 'columnMask', method: { keepLast: 4 }, tag: { key: 'pii', value: 'phone' }, scope: 'main', exempt: ['data-governance'] },
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['data-governance'] },
    { name: 'stores-by-group', type: 'rowFilter', table: 'main.sales.stores', column: 'region', match: { groupValues: { 'data-analysts': ['NA'] } }, exempt: ['data-governance'] },
  ],
});

const { as, ok, plan, apply } = policyCalls(() => ({ emulator, main, logDir }), () => text);
const masksInMain = () => adminSql(main, emulator, "SELECT schema_name, table_name, column_name, mask_catalog, mask_schema FROM system.information_schema.column_masks WHERE catalog_name = 'main' ORDER BY table_name, column_name");
const filtersInMain = () => adminSql(main, emulator, "SELECT table_name, filter_catalog, filter_schema FROM system.information_schema.row_filters WHERE catalog_name = 'main'");

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'ucb-policies-noabac-'));
  emulator = await startEmulator({ log: () => undefined, catalogSide: createCatalogSide({ abac: false }) });
  main = await appWithIntegration(emulator);
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
  await rm(logDir, { recursive: true, force: true });
});

describe('tag-targeted masks where the workspace runs no ABAC policies', () => {
  it('validation detects it and says that columns tagged later need a re-apply', async () => {
    await expect(adminSql(main, emulator, 'SHOW POLICIES ON CATALOG main')).rejects.toThrow(/UNSUPPORTED_FEATURE/);
    const v = await ok('policies.validate', { text });
    expect(v).toMatchObject({ valid: true, abac: false, notes: [expect.stringContaining('so the mask is set on each column tagged pii = phone in main now (1 found); columns tagged later need the policies applied again')] });
  });

  it('plans one table-level mask per tagged column, no CREATE POLICY, and applies them', async () => {
    const p = await plan();
    const ids = (p.plan.steps as Json[]).map((s) => s.id as string);
    expect(ids.filter((id) => id.startsWith('mask:'))).toEqual(['mask:main.sales.customers.phone', 'mask:main.sales.customers.email']);
    expect(ids.some((id) => id.startsWith('abac:'))).toBe(false);
    expect((p.plan.steps as Json[]).some((s) => /CREATE (OR REPLACE )?POLICY/.test(s.sql as string))).toBe(false);
    expect(p.notes).toEqual([expect.stringContaining('columns tagged later need the policies applied again')]);
    expect(await apply()).toMatchObject({ failed: 0 });
    const [row] = await as(ANALYST, 'SELECT phone, email FROM main.sales.customers LIMIT 1');
    expect(row!.phone).toMatch(/^\*+\d{4}$/);
    expect(row!.email).toMatch(/^[0-9a-f]{64}$/);
    expect((await as(ADMIN, 'SELECT phone FROM main.sales.customers LIMIT 1'))[0]!.phone).not.toMatch(/^\*/);
    expect(new Set((await as(ANALYST, 'SELECT DISTINCT region FROM main.sales.stores')).map((r) => r.region))).toEqual(new Set(['NA']));
  });

  it('information_schema.column_masks and row_filters list what the policies set', async () => {
    expect(await masksInMain()).toEqual([
      { schema_name: 'sales', table_name: 'customers', column_name: 'email', mask_catalog: 'ucbridge', mask_schema: 'policies' },
      { schema_name: 'sales', table_name: 'customers', column_name: 'phone', mask_catalog: 'ucbridge', mask_schema: 'policies' },
    ]);
    expect(await filtersInMain()).toEqual([{ table_name: 'stores', filter_catalog: 'ucbridge', filter_schema: 'policies' }]);
  });

  it('does not mask a column tagged after apply until the policies are applied again, then does', async () => {
    await adminSql(main, emulator, "ALTER TABLE main.sales.stores ALTER COLUMN manager_email SET TAGS ('pii' = 'phone')");
    expect((await as(ANALYST, 'SELECT manager_email FROM main.sales.stores LIMIT 1'))[0]!.manager_email).toMatch(/@lakeside\.example$/);
    const again = await plan();
    expect((again.plan.steps as Json[]).filter((s) => s.action !== 'unchanged').map((s) => (s.id as string).split(':')[0])).toEqual(['fn', 'fn', 'mask']);
    expect((again.plan.steps as Json[]).find((s) => s.action === 'create' && String(s.id).startsWith('mask:'))!.id).toBe('mask:main.sales.stores.manager_email');
    expect(again.notes).toEqual([expect.stringContaining('(2 found)')]);
    expect(await apply()).toMatchObject({ failed: 0 });
    expect((await as(ANALYST, 'SELECT manager_email FROM main.sales.stores LIMIT 1'))[0]!.manager_email).toMatch(/^\*+mple$/);
    expect((await masksInMain()).map((m) => `${m.table_name as string}.${m.column_name as string}`)).toEqual(['customers.email', 'customers.phone', 'stores.manager_email']);
    expect(new Set((await plan()).plan.steps.map((s: Json) => s.action))).toEqual(new Set(['unchanged']));
  });

  it('previews what the analyst gets on a table whose tagged column was expanded', async () => {
    const p = await ok('policies.preview', { text, principal: ANALYST, table: 'main.sales.stores', limit: 20 });
    expect(p).toMatchObject({ source: 'deployed', notes: [], maskedColumns: ['manager_email'] });
    const real = await as(ANALYST, 'SELECT * FROM main.sales.stores');
    expect(p.rows).toEqual(real.map((r) => Object.values(r).map((v) => (v instanceof Date ? v.toISOString() : v))));
  });

  it('uninstall removes every mask and filter it set, the later one included', async () => {
    expect(await apply('uninstall')).toMatchObject({ failed: 0 });
    expect(await masksInMain()).toEqual([]);
    expect(await filtersInMain()).toEqual([]);
    expect(await adminSql(main, emulator, "SELECT routine_name FROM system.information_schema.routines WHERE routine_catalog = 'ucbridge' AND routine_schema = 'policies'")).toEqual([]);
  });
});
