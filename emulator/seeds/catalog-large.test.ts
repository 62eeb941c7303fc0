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
});
