import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../../warehouse/testing/test-warehouse';

/**
 * The system tables (https://docs.databricks.com/aws/en/admin/system-tables/) are written in batches: a statement
 * that reads one sees every event before it, a statement that reads none does not wait for a write of the log.
 */
let w: TestWarehouse;
const as = sessionsFor(() => w);
const admin = async (sql: string) => query(await as('admin@example.com'), sql);

beforeAll(async () => {
  w = await startTestWarehouse();
  w.uc.settings.setSystemSchema('access', 'ENABLE_COMPLETED');
  // System tables are read with grants like any table, admins included (https://docs.databricks.com/aws/en/admin/system-tables/#grant-access).
  await admin('GRANT USE CATALOG ON CATALOG system TO `admin@example.com`');
  await admin('GRANT USE SCHEMA, SELECT ON SCHEMA system.access TO `admin@example.com`');
  await admin('CREATE CATALOG sync_reads');
  await admin('CREATE SCHEMA sync_reads.s');
  await admin('CREATE TABLE sync_reads.s.t (id INT)');
  await admin("CREATE VIEW sync_reads.s.submitted AS SELECT request_params['commandText'] AS command FROM system.access.audit WHERE action_name = 'commandSubmit'");
});
afterAll(async () => w.close());

describe('system log writes before a statement', () => {
  it('a statement that reads no system table runs without writing the log first; information_schema is still current', async () => {
    // (The log's own 200 ms batch timer may still write meanwhile: what matters is that no statement waits for it.)
    const sync = vi.spyOn(w.uc, 'sync');
    try {
      await admin('INSERT INTO sync_reads.s.t VALUES (1), (2)');
      expect(await admin('SELECT count(*) AS n FROM sync_reads.s.t')).toEqual([{ n: 2 }]);
      await admin('CREATE TABLE sync_reads.s.u AS SELECT * FROM sync_reads.s.t');
      expect(await admin("SELECT table_name FROM sync_reads.information_schema.tables WHERE table_name = 'u'")).toEqual([{ table_name: 'u' }]);
      expect(sync.mock.calls.map(([options]) => options?.systemTables)).toEqual([false, false, false, false]);
    } finally {
      sync.mockRestore();
    }
  });

  it('a statement that reads a system table, directly or through a view, sees the statement just before it', async () => {
    // The audit's commandSubmit is recorded when a statement is submitted (the query history only once it settled).
    const submitted = (marker: number) => `SELECT request_params['commandText'] AS command FROM system.access.audit WHERE action_name = 'commandSubmit' AND request_params['commandText'] = 'SELECT ${marker} AS m'`;
    await admin('SELECT 4242001 AS m');
    expect(await admin(submitted(4242001))).toHaveLength(1);
    await admin('SELECT 4242002 AS m');
    expect(await admin("SELECT * FROM sync_reads.s.submitted WHERE command = 'SELECT 4242002 AS m'")).toHaveLength(1);
    await admin('SELECT 4242003 AS m');
    await admin(`CREATE TABLE sync_reads.s.copied AS ${submitted(4242003)}`);
    expect(await admin('SELECT count(*) AS n FROM sync_reads.s.copied')).toEqual([{ n: 1 }]);
  });
});
