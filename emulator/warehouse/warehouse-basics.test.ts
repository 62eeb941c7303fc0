import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, startTestWarehouse, WAREHOUSE_ID, type TestWarehouse } from './testing/test-warehouse';

let w: TestWarehouse;
beforeAll(async () => {
  w = await startTestWarehouse();
});
afterAll(async () => w.close());

describe('warehouse basics through the real driver', () => {
  it('answers SELECT 1 with protocol V8 and direct results', async () => {
    const { session } = await w.connect('admin@example.com');
    const rows = await query(session, 'SELECT 1 AS one, current_user() AS me');
    expect(rows).toEqual([{ one: 1, me: 'admin@example.com' }]);
    expect(w.userAgents.at(-1)).toMatch(/^NodejsDatabricksSqlConnector\/2\.1\.0 \(ucbridge-test\/0\.1;/);
  });

  it('returns typed Arrow values: DATE and TIMESTAMP become JS Dates', async () => {
    const { session } = await w.connect('admin@example.com');
    const [row] = await query(session, "SELECT DATE'2024-01-02' AS d, TIMESTAMP'2024-01-02 03:04:05' AS ts, 12.5BD AS dec, 10L AS big, true AS b, array('x','y') AS arr, named_struct('a', 1) AS st, CAST(NULL AS STRING) AS n");
    expect(row!.d).toBeInstanceOf(Date);
    expect((row!.d as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect((row!.ts as Date).toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(row).toMatchObject({ dec: 12.5, big: 10, b: true, arr: ['x', 'y'], st: { a: 1 }, n: null });
  });

  it('returns column-based results as strings for DATE, like a COLUMN_BASED_SET warehouse', async () => {
    const { session } = await w.connect('admin@example.com', { resultFormat: 'columns' });
    const [row] = await query(session, "SELECT DATE'2024-01-02' AS d, 7 AS i, 'x' AS s, CAST(NULL AS INT) AS n");
    expect(row).toEqual({ d: '2024-01-02', i: 7, s: 'x', n: null });
  });

  it('reports SQL errors with the error class in the message and the SQLSTATE', async () => {
    const { session } = await w.connect('admin@example.com');
    await expect(query(session, 'SELECT * FROM main.nope.nothing')).rejects.toMatchObject({
      message: expect.stringMatching(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `main`\.`nope`\.`nothing` cannot be found\..* SQLSTATE: 42P01$/),
      response: { sqlState: '42P01' },
    });
    await expect(query(session, 'USE CATALOG nope')).rejects.toMatchObject({ response: { sqlState: '42704' } });
    await expect(query(session, 'SELEC 1')).rejects.toMatchObject({ message: expect.stringMatching(/^\[PARSE_SYNTAX_ERROR\]/), response: { sqlState: '42601' } });
  });

  it('pages through 100k+ rows with FetchResults when maxRows is smaller', async () => {
    const { session } = await w.connect('admin@example.com');
    const rows = await query(session, 'SELECT id, CAST(id AS STRING) AS s FROM range(120000)', { maxRows: 25000 });
    expect(rows).toHaveLength(120000);
    expect(rows[119999]).toEqual({ id: 119999, s: '119999' });
  });

  it('answers 503 TEMPORARILY_UNAVAILABLE with Retry-After while the warehouse is stopped', async () => {
    w.states.set(WAREHOUSE_ID, 'STOPPED');
    try {
      await expect(w.connect('admin@example.com')).rejects.toMatchObject({ statusCode: 503 });
    } finally {
      w.states.set(WAREHOUSE_ID, 'RUNNING');
    }
    const { session } = await w.connect('admin@example.com');
    expect(await query(session, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
  });

  it('serves every statement in its own operation, so sessions stay usable after errors and closes', async () => {
    const { client, session } = await w.connect('eve@example.com');
    await expect(query(session, 'SELECT * FROM system.access.audit')).rejects.toMatchObject({ response: { sqlState: expect.any(String) } });
    expect(await query(session, "SELECT current_user() AS u")).toEqual([{ u: 'eve@example.com' }]);
    await session.close();
    await client.close();
  });
});
