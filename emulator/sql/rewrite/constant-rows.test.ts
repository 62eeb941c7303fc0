import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../parse/lexer';
import type { Scope } from './context';
import { rewriteTokens } from './walker';

// Constant rows never reach the catalog, the invoker or parameters: a scope with none of them.
const scope: Scope = {
  statement: { uc: undefined as never, invoker: undefined as never, positional: [], named: new Map(), nextPositional: 0, reads: [] },
  catalog: 'main',
  schema: 'default',
  checker: undefined as never,
  checkExecute: true,
  ctes: new Set(),
  params: new Map(),
  depth: 0,
};
const rewrite = (sql: string): string => rewriteTokens(tokenize(sql), scope);

let instance: DuckDBInstance;
let duck: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});
afterAll(() => {
  duck.closeSync();
  instance.closeSync();
});

/** Column names and DuckDB types, and the rows, of a query DuckDB runs. */
async function shapeAndRows(sql: string) {
  const described = await duck.runAndReadAll(`DESCRIBE ${sql}`);
  const rows = await duck.runAndReadAll(sql);
  return { columns: described.getRowObjectsJS().map((r) => `${String(r.column_name)}:${String(r.column_type)}`), rows: rows.getRowsJS() };
}

/*
 * Databricks: UNION ALL keeps every row, each column at the least common type
 * (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-qry-select-setops). The docs are silent on the
 * result's column names; these cases hold the rewrite to what the UNION ALL itself gives (first row's names).
 */
describe('constant rows sent as UNION ALL run as VALUES', () => {
  const cases = [
    "SELECT 'gov-0' AS external_id, 'user.0@corp.example' AS principal UNION ALL SELECT 'gov-1', 'user.1@corp.example' UNION ALL SELECT 'gov-2', NULL",
    "SELECT 2 AS id, 'x' AS v UNION ALL SELECT 9, 'new'",
    'SELECT 1 AS n, TRUE AS b UNION ALL SELECT 2.5, FALSE UNION ALL SELECT NULL, NULL',
    "SELECT NULL AS a UNION ALL SELECT 'text'",
  ];

  it.each(cases)('%s: same names, types and rows as the UNION ALL', async (sql) => {
    const rewritten = rewrite(sql);
    expect(rewritten).toMatch(/^SELECT \* FROM \(VALUES /);
    // These literals read the same in DuckDB, so the original runs there as it is: the reference.
    expect(await shapeAndRows(rewritten)).toEqual(await shapeAndRows(sql));
  });

  it('keeps the first row\'s quoted names, case and all', async () => {
    const rewritten = rewrite("SELECT 'a' AS `Mixed Name`, 'b' AS `x``y` UNION ALL SELECT 'c', 'd'");
    expect((await shapeAndRows(rewritten)).columns).toEqual(['Mixed Name:VARCHAR', 'x`y:VARCHAR']);
  });

  it('leaves every other query to the general rewrite', () => {
    for (const sql of [
      "SELECT 'a' AS x",
      "SELECT 'a' UNION ALL SELECT 'b'",
      "SELECT 'a' AS x UNION SELECT 'b'",
      "SELECT 'a' AS x UNION ALL SELECT 'b' ORDER BY x",
      "SELECT 'a' AS x, 'b' AS x UNION ALL SELECT 'c', 'd'",
      "SELECT 'a' AS x, 'b' AS y UNION ALL SELECT 'c'",
      "SELECT -1 AS x UNION ALL SELECT 2",
      "SELECT 'a' || 'z' AS x UNION ALL SELECT 'b'",
      "SELECT 'a' AS x UNION ALL SELECT 'b' AS y",
    ]) {
      expect(rewrite(sql), sql).not.toMatch(/VALUES/);
    }
  });
});
