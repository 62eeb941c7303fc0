import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, quoteName } from '../../shared/sql/quote';
import { createUnityCatalog, type UnityCatalog } from '../catalog';
import { AUDIT, QUERY_HISTORY } from '../catalog/system/system-table-defs';
import { FakeIdentities, TEST_SANDBOX } from '../catalog/testing/fake-identities';
import { PEOPLE_TABLES } from './catalog-demo-people';
import { RAW_TABLES } from './catalog-demo-raw';
import { SALES_TABLES } from './catalog-demo-sales';
import { seedCatalog } from './catalog-seed';
import { SeedSql } from './catalog-sql-runner';

const ADMIN = 'lead@lakeside.example';
const ids = new FakeIdentities([{ name: ADMIN, groups: ['admins', 'metastore-admins', 'account users'] }]);
let uc: UnityCatalog;
let sql: SeedSql;

beforeAll(async () => {
  uc = await createUnityCatalog({ sandbox: TEST_SANDBOX, identities: ids });
  await seedCatalog(uc, 'demo');
  sql = new SeedSql(uc);
});
afterAll(async () => uc.close());

/** Rows straight from DuckDB (the system schemas are not enabled in this metastore). */
async function duckRows(query: string): Promise<unknown[][]> {
  await uc.sync();
  const c = await uc.duck.acquire();
  try {
    return (await c.runAndReadAll(query)).getRows();
  } finally {
    uc.duck.release(c);
  }
}
const duckCount = async (query: string): Promise<number> => Number((await duckRows(query))[0]![0]);

describe('the demo seed loads its rows through the appender', () => {
  it('every demo table holds exactly the rows its recorded INSERT statements insert when the SQL engine runs them', async () => {
    const history = (await duckRows(`SELECT statement_text, execution_status FROM ${QUERY_HISTORY.storage} WHERE statement_type = 'INSERT'`)) as [string, string][];
    const tables = [...SALES_TABLES, ...PEOPLE_TABLES, ...RAW_TABLES];
    expect(tables.length).toBeGreaterThan(30);
    for (const t of tables) {
      const name = quoteName(...t.name);
      const statements = history.filter(([text]) => text.startsWith(`INSERT INTO ${name} VALUES `));
      // The trail a nightly loader leaves: one finished INSERT per 500 rows.
      expect(statements.map(([, status]) => status), name).toEqual(Array.from({ length: Math.ceil(t.rows / 500) }, () => 'FINISHED'));
      // The same statements, run by the engine (literals parsed and cast by DuckDB) into an empty twin of the table.
      const twin = quoteName(t.name[0], t.name[1], `${t.name[2]}_engine`);
      await sql.run(ADMIN, `CREATE TABLE ${twin} (${t.columns.map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ')})`);
      for (const [text] of statements) await sql.run(ADMIN, `INSERT INTO ${twin} VALUES ${text.slice(`INSERT INTO ${name} VALUES `.length)}`);
      const seeded = uc.resolve.table(...t.name).table.storage!;
      const engine = uc.resolve.table(t.name[0], t.name[1], `${t.name[2]}_engine`).table.storage!;
      expect(await duckCount(`SELECT count(*) FROM ${seeded}`), name).toBe(t.rows);
      expect(await duckCount(`SELECT count(*) FROM (SELECT * FROM ${seeded} EXCEPT ALL SELECT * FROM ${engine})`), name).toBe(0);
      expect(await duckCount(`SELECT count(*) FROM (SELECT * FROM ${engine} EXCEPT ALL SELECT * FROM ${seeded})`), name).toBe(0);
    }
  });

  it('audits each INSERT with its text, as the warehouse audits a statement', async () => {
    const audited = await duckCount(`SELECT count(*) FROM ${AUDIT.storage} WHERE action_name = 'commandSubmit' AND request_params['commandText'] LIKE 'INSERT INTO \`hr\`.\`people\`.\`employees\` VALUES (1, %'`);
    expect(audited).toBe(1);
  });
});
