import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral, quoteName } from '../../shared/sql/quote';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../warehouse/testing/test-warehouse';

let w: TestWarehouse;
const as = sessionsFor(() => w);
const run = async (who: string, sql: string) => query(await as(who), sql);
const admin = (sql: string) => run('admin@example.com', sql);

beforeAll(async () => {
  w = await startTestWarehouse();
  await admin('CREATE CATALOG main');
});
afterAll(async () => w.close());

describe('DDL through the real driver', () => {
  it('creates and drops catalogs, schemas, tables, views, volumes and functions with IF [NOT] EXISTS and CASCADE', async () => {
    await admin("CREATE CATALOG IF NOT EXISTS ddl COMMENT 'scratch'");
    await admin('CREATE CATALOG IF NOT EXISTS ddl');
    await expect(admin('CREATE CATALOG ddl')).rejects.toMatchObject({ message: expect.stringMatching(/^\[CATALOG_ALREADY_EXISTS\]/) });
    await admin('CREATE SCHEMA ddl.s1 COMMENT "first"');
    await admin('CREATE TABLE ddl.s1.t (id INT NOT NULL, name STRING)');
    await expect(admin('CREATE TABLE ddl.s1.t (x INT)')).rejects.toMatchObject({ response: { sqlState: '42P07' } });
    await admin('CREATE TABLE IF NOT EXISTS ddl.s1.t (x INT)');
    await admin('CREATE OR REPLACE TABLE ddl.s1.t (id BIGINT, name STRING, extra DOUBLE)');
    expect((await admin('DESCRIBE TABLE ddl.s1.t')).map((r) => `${String(r.col_name)}:${String(r.data_type)}`)).toEqual(['id:bigint', 'name:string', 'extra:double']);
    await admin('CREATE VIEW ddl.s1.v AS SELECT id FROM ddl.s1.t');
    await admin("CREATE VOLUME ddl.s1.files COMMENT 'raw files'");
    await admin('CREATE FUNCTION ddl.s1.twice(x INT) RETURNS INT RETURN x * 2');
    expect(await admin('SELECT ddl.s1.twice(21) AS v')).toEqual([{ v: 42 }]);
    await expect(admin('DROP SCHEMA ddl.s1')).rejects.toMatchObject({ message: expect.stringMatching(/^\[SCHEMA_NOT_EMPTY\]/) });
    await expect(admin('DROP CATALOG ddl')).rejects.toMatchObject({ message: expect.stringMatching(/^\[CATALOG_NOT_EMPTY\]/) });
    await admin('DROP VIEW ddl.s1.v');
    await admin('DROP FUNCTION IF EXISTS ddl.s1.twice');
    await admin('DROP FUNCTION IF EXISTS ddl.s1.twice');
    await admin('DROP VOLUME ddl.s1.files');
    await admin('DROP CATALOG ddl CASCADE');
    await admin('DROP CATALOG IF EXISTS ddl');
    await expect(admin('SELECT * FROM ddl.s1.t')).rejects.toMatchObject({ response: { sqlState: '42P01' } });
  });

  it('round-trips hostile identifiers and literals written by the shared quoting module', async () => {
    const schema = 'weird-schema`with\'quotes';
    const table = "Ünïcødé-tàble`s";
    const column = 'col with spaces.and.dots-and-`ticks`';
    const value = "O'Brien \\ \"quoted\" 李雷\nline2";
    await admin(`CREATE SCHEMA ${quoteName('main', schema)}`);
    await admin(`CREATE TABLE ${quoteName('main', schema, table)} (${quoteIdent(column)} STRING, ${quoteIdent('Mixed Case')} INT)`);
    await admin(`INSERT INTO ${quoteName('main', schema, table)} VALUES (${quoteLiteral(value)}, 1)`);
    const rows = await admin(`SELECT ${quoteIdent(column)}, ${quoteIdent('mixed case')} AS m FROM ${quoteName('MAIN', schema.toUpperCase(), table)}`);
    expect(rows).toEqual([{ [column]: value, m: 1 }]);
    const tables = await admin(`SHOW TABLES IN ${quoteName('main', schema)}`);
    expect(tables).toEqual([{ database: schema.toLowerCase(), tableName: table.toLowerCase(), isTemporary: false }]);
  });

  it('refuses names Unity Catalog refuses and reports bad SQL as PARSE_SYNTAX_ERROR, never crashing', async () => {
    await expect(admin('CREATE SCHEMA main.`a b`')).rejects.toMatchObject({ message: expect.stringMatching(/space/) });
    await expect(admin('CREATE SCHEMA main.`a.b`')).rejects.toMatchObject({ message: expect.stringMatching(/INVALID_IDENTIFIER/) });
    for (const bad of ['SELEC 1', 'SELECT * FROM', "SELECT 'unterminated", 'SELECT `a', 'SELECT (1', 'GRANT ON TO', 'CREATE TABLE x']) {
      await expect(admin(bad)).rejects.toMatchObject({ message: expect.stringMatching(/^\[PARSE_SYNTAX_ERROR\]/), response: { sqlState: '42601' } });
    }
    expect(await admin('SELECT 1 AS still_alive')).toEqual([{ still_alive: 1 }]);
  });

  it('writes with INSERT, UPDATE, DELETE and MERGE and reports the counts', async () => {
    await admin('CREATE SCHEMA main.dml');
    await admin('CREATE TABLE main.dml.t (id INT, v STRING)');
    expect(await admin("INSERT INTO main.dml.t VALUES (1, 'a'), (2, 'b'), (3, 'c')")).toEqual([{ num_affected_rows: 3, num_inserted_rows: 3 }]);
    expect(await admin("UPDATE main.dml.t SET v = upper(v) WHERE id >= 2")).toEqual([{ num_affected_rows: 2 }]);
    expect(await admin('DELETE FROM main.dml.t WHERE id = 1')).toEqual([{ num_affected_rows: 1 }]);
    const merged = await admin("MERGE INTO main.dml.t AS t USING (SELECT 2 AS id, 'x' AS v UNION ALL SELECT 9, 'new') AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)");
    expect(merged).toEqual([{ num_affected_rows: 2, num_updated_rows: 1, num_deleted_rows: 0, num_inserted_rows: 1 }]);
    expect(await admin('SELECT * FROM main.dml.t ORDER BY id')).toEqual([{ id: 2, v: 'x' }, { id: 3, v: 'C' }, { id: 9, v: 'new' }]);
    await admin('INSERT OVERWRITE main.dml.t SELECT id * 10, v FROM main.dml.t WHERE id > 2');
    expect(await admin('SELECT id FROM main.dml.t ORDER BY id')).toEqual([{ id: 30 }, { id: 90 }]);
  });

  it('supports SHOW, DESCRIBE, USE, CTEs, range() and the identity functions', async () => {
    await admin('USE CATALOG main');
    await admin('USE SCHEMA dml');
    expect(await admin('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
    expect(await admin('WITH x AS (SELECT id FROM t) SELECT max(id) AS m FROM x')).toEqual([{ m: 90 }]);
    expect(await admin('SELECT sum(id) AS s FROM range(5)')).toEqual([{ s: 10 }]);
    expect((await admin('SHOW CATALOGS')).map((r) => r.catalog)).toEqual(['main', 'system']);
    expect((await admin("SHOW SCHEMAS IN main LIKE 'd*'")).map((r) => r.databaseName)).toEqual(['default', 'dml']);
    const me = await admin("SELECT current_user() AS u, current_metastore() AS m, is_account_group_member('admins') AS a, is_member('nope') AS n, current_catalog() AS c");
    expect(me).toEqual([{ u: 'admin@example.com', m: w.uc.sandbox.metastoreRegion, a: true, n: false, c: 'main' }]);
    const extended = await admin('DESCRIBE TABLE EXTENDED main.dml.t');
    expect(extended).toContainEqual({ col_name: 'Owner', data_type: 'admin@example.com', comment: '' });
    expect(await admin('DESCRIBE CATALOG main')).toContainEqual({ info_name: 'Owner', info_value: 'admin@example.com' });
  });

  it('binds named and positional parameters', async () => {
    const session = await as('admin@example.com');
    const named = await query(session, 'SELECT :a + 1 AS v, :b AS s', { namedParameters: { a: 41, b: "it's" } });
    expect(named).toEqual([{ v: 42, s: "it's" }]);
    const positional = await query(session, 'SELECT ? AS x, ? AS y', { ordinalParameters: ['p', 7] });
    expect(positional).toEqual([{ x: 'p', y: 7 }]);
  });

  it('records CTAS and INSERT … SELECT lineage at table and column level', async () => {
    await admin('CREATE TABLE main.dml.summary AS SELECT v, count(*) AS n FROM main.dml.t GROUP BY v');
    await w.uc.sync();
    const c = await w.uc.duck.acquire();
    try {
      const rows = (await c.runAndReadAll("SELECT source_column_name, target_column_name FROM sys.column_lineage WHERE target_table_name = 'summary' ORDER BY 1")).getRowObjectsJS();
      expect(rows).toEqual([{ source_column_name: 'v', target_column_name: 'v' }]);
    } finally {
      w.uc.duck.release(c);
    }
  });
});
