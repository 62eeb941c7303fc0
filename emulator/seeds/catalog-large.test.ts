import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnityCatalog, type UnityCatalog } from '../catalog';
import { FakeIdentities, TEST_SANDBOX } from '../catalog/testing/fake-identities';
import { executeSql } from '../sql/engine/execute';
import { NO_PARAMETERS } from '../sql/engine/session';
import { cellOf } from '../sql/engine/utf8-column';
import { seedCatalog } from './catalog-seed';

let uc: UnityCatalog;
const ids = new FakeIdentities([
  { name: 'lead@lakeside.example', groups: ['admins', 'metastore-admins', 'account users'] },
  { name: 'analyst@lakeside.example', groups: ['data-analysts', 'account users'] },
  { name: 'data-analysts', kind: 'group' },
  ...['finance-analysts', 'data-governance'].map((name) => ({ name, kind: 'group' as const })),
]);

async function rows(who: string, sql: string): Promise<unknown[][]> {
  const session = { id: 's', caller: { principal: ids.byName(who)!, userAgent: 't', credential: 'pat' as const, sourceIp: '' }, catalog: 'main', schema: 'default' };
  const { source } = await executeSql(uc, session, sql, 'st', NO_PARAMETERS);
  const out: unknown[][] = [];
  for (let b = await source.next(); b; b = await source.next()) for (let r = 0; r < b.rowCount; r++) out.push(b.columns.map((c) => cellOf(c, r)));
  return out;
}

beforeAll(async () => {
  uc = await createUnityCatalog({ sandbox: TEST_SANDBOX, identities: ids });
  await seedCatalog(uc, 'large', { scaleTables: 500, scaleColumns: 7, scaleSchemas: 50 });
});
afterAll(async () => uc.close());

describe('the large seed', () => {
  it('adds the requested tables and columns on top of the demo, shared column lists and all', async () => {
    const [[tables, columns]] = (await rows('lead@lakeside.example', "SELECT count(DISTINCT table_name), count(*) FROM system.information_schema.columns WHERE table_catalog = 'lake_01'")) as [[bigint, bigint]];
    expect([Number(tables), Number(columns)]).toEqual([500, 3500]);
    expect(await rows('lead@lakeside.example', "SELECT count(*) FROM system.information_schema.schemata WHERE catalog_name = 'lake_01' AND schema_name <> 'information_schema'")).toEqual([[50n]]);
    expect((await rows('lead@lakeside.example', 'SELECT count(*) FROM main.sales.customers'))[0]).toEqual([400n]);
  });

  it('grants the analysts the first lake catalog, which information_schema then shows them', async () => {
    const seen = await rows('analyst@lakeside.example', "SELECT count(*) FROM system.information_schema.tables WHERE table_catalog LIKE 'lake%'");
    expect(seen).toEqual([[500n]]);
    expect(await rows('analyst@lakeside.example', "SELECT count(*) FROM system.information_schema.tables WHERE table_catalog = 'hr'")).toEqual([[0n]]);
  });

  // Databricks' documentation gives no typical proportions of tagged columns, masks or grants (the docs are silent);
  // these are the crawl benchmark fixture's (governance-steps-3-4.md §3: 5 % of columns tagged, 2 % of tables masked
  // or filtered, group grants on every schema), with lineage between a tenth of the tables.
  it('carries tags, grants, masks, filters and lineage in the proportions of a real metastore', async () => {
    const lead = 'lead@lakeside.example';
    const one = async (sql: string) => Number((await rows(lead, sql))[0]![0]);
    const lake = "catalog_name LIKE 'lake%'";
    const columns = await one("SELECT count(*) FROM system.information_schema.columns WHERE table_catalog LIKE 'lake%'");
    const tagged = await one(`SELECT count(*) FROM system.information_schema.column_tags WHERE ${lake}`);
    expect(tagged / columns).toBeGreaterThan(0.02);
    expect(tagged / columns).toBeLessThan(0.1);
    expect(await one(`SELECT count(*) FROM system.information_schema.table_tags WHERE ${lake}`)).toBe(50);
    const guarded = (await one(`SELECT count(*) FROM system.information_schema.column_masks WHERE ${lake}`)) + (await one(`SELECT count(*) FROM system.information_schema.row_filters WHERE ${lake}`));
    expect(guarded).toBeGreaterThan(0);
    expect(guarded / 500).toBeLessThanOrEqual(0.02);
    // Two privileges per schema for each of the seed's groups the directory has (three here; five in the sandbox).
    expect(await one(`SELECT count(*) FROM system.information_schema.schema_privileges WHERE ${lake} AND inherited_from = 'NONE'`)).toBe(50 * 3 * 2);
    uc.settings.setSystemSchema('access', 'ENABLE_COMPLETED');
    await rows(lead, `GRANT USE CATALOG ON CATALOG system TO \`${lead}\``);
    await rows(lead, `GRANT USE SCHEMA, SELECT ON SCHEMA system.access TO \`${lead}\``);
    const edges = await one("SELECT count(DISTINCT source_table_full_name || target_table_full_name) FROM system.access.table_lineage WHERE target_table_catalog LIKE 'lake%'");
    expect(edges).toBeGreaterThan(40);
    expect(await one("SELECT count(*) FROM system.access.column_lineage WHERE target_table_catalog LIKE 'lake%'")).toBeGreaterThan(0);
  });
});
