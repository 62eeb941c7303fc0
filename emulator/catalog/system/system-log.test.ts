import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../contracts';
import { Duck } from '../../sql/duck';
import { TEST_SANDBOX } from '../testing/fake-identities';
import { SystemLog } from './system-log';

/** What each kind of record becomes in the system tables' storage, value by value (the appender's typed cells). */
let duck: Duck;
let log: SystemLog;
const lead: Principal = { id: '1001', kind: 'user', name: 'lead@lakeside.example', displayName: 'Lead' };
// Two milliseconds before midnight UTC: the date is the UTC day, the timestamp keeps its milliseconds.
const time = new Date('2026-03-01T23:59:59.998Z');

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  await log.sync();
  const c = await duck.acquire();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    duck.release(c);
  }
}

beforeAll(async () => {
  duck = await Duck.open(undefined);
  log = new SystemLog(duck, TEST_SANDBOX);
  await log.init();
});
afterAll(async () => duck.close());

describe('the system log', () => {
  it('writes an audit event with its map of parameters, response struct and identity', async () => {
    log.audit({ time, serviceName: 'unityCatalog', actionName: 'getTable', principal: lead, userAgent: "ucbridge/0.1 'quoted'", sourceIp: '10.0.0.1', requestParams: { full_name_arg: 'main.sales.orders', commandText: "SELECT 'x'" }, statusCode: 403, errorMessage: 'denied' });
    log.audit({ time, serviceName: 'accounts', actionName: 'tokenLogin', principal: undefined, userAgent: 'curl', sourceIp: '10.0.0.2', requestParams: {}, statusCode: 200 }, 'session-1');
    const [denied, anonymous] = await rows("SELECT event_time::VARCHAR AS t, event_date::VARCHAR AS d, user_identity, map_keys(request_params) AS keys, request_params['commandText'] AS command, response, identity_metadata, session_id, user_agent, version, audit_level, account_id, workspace_id FROM sys.audit ORDER BY service_name DESC");
    expect(denied).toEqual({
      t: '2026-03-01 23:59:59.998', d: '2026-03-01', user_identity: { email: lead.name, subject_name: lead.name },
      keys: ['full_name_arg', 'commandText'], command: "SELECT 'x'", response: { status_code: 403, error_message: 'denied', result: null },
      identity_metadata: { run_by: lead.name, run_as: lead.name }, session_id: null, user_agent: "ucbridge/0.1 'quoted'", version: '2.0',
      audit_level: 'WORKSPACE_LEVEL', account_id: TEST_SANDBOX.accountId, workspace_id: TEST_SANDBOX.workspaceId,
    });
    expect(anonymous).toMatchObject({ keys: [], command: null, user_identity: { email: null, subject_name: null }, response: { status_code: 200, error_message: null }, session_id: 'session-1' });
  });

  it('writes a query with its durations as bigints, the compute struct and the client parsed from the user agent', async () => {
    log.query({ statementId: 'st-1', sessionId: 'se-1', warehouseId: 'wh-1', principal: lead, userAgent: 'PowerBI/2.130 (Simba Spark ODBC)', statementText: "SELECT 'it''s'", statementType: 'SELECT', status: 'FINISHED', errorMessage: null, startTime: new Date(time.getTime() - 1500), endTime: time, producedRows: 7 });
    const [q] = await rows("SELECT compute, client_application, client_driver, total_duration_ms, execution_duration_ms, produced_rows, read_io_cache_percent, from_result_cache, start_time::VARCHAR AS s, end_time::VARCHAR AS e, query_source, statement_text FROM sys.query_history");
    expect(q).toEqual({
      compute: { type: 'WAREHOUSE', cluster_id: null, warehouse_id: 'wh-1' }, client_application: 'Simba Spark ODBC', client_driver: 'PowerBI/2.130',
      total_duration_ms: '1500', execution_duration_ms: '1500', produced_rows: '7', read_io_cache_percent: 0, from_result_cache: false,
      s: '2026-03-01 23:59:58.498', e: '2026-03-01 23:59:59.998', query_source: null, statement_text: "SELECT 'it''s'",
    });
  });

  it('writes table and column lineage, a read having no target', async () => {
    const orders = { catalog: 'main', schema: 'sales', table: 'orders', type: 'TABLE' as const };
    const daily = { catalog: 'analytics', schema: 'gold', table: 'daily', type: 'TABLE' as const };
    log.lineage({ statementId: 'st-2', createdBy: lead.name, time, sources: [orders], target: daily, columns: [{ source: orders, sourceColumn: 'total', targetColumn: 'revenue' }] });
    log.lineage({ statementId: 'st-3', createdBy: lead.name, time, sources: [orders], target: null, columns: [] });
    const tables = await rows('SELECT statement_id, source_table_full_name, target_table_full_name, target_type, entity_type, event_date::VARCHAR AS d, entity_metadata FROM sys.table_lineage ORDER BY statement_id');
    expect(tables).toEqual([
      { statement_id: 'st-2', source_table_full_name: 'main.sales.orders', target_table_full_name: 'analytics.gold.daily', target_type: 'TABLE', entity_type: 'DBSQL_QUERY', d: '2026-03-01', entity_metadata: null },
      { statement_id: 'st-3', source_table_full_name: 'main.sales.orders', target_table_full_name: null, target_type: null, entity_type: 'DBSQL_QUERY', d: '2026-03-01', entity_metadata: null },
    ]);
    expect(await rows('SELECT source_column_name, target_column_name FROM sys.column_lineage')).toEqual([{ source_column_name: 'total', target_column_name: 'revenue' }]);
  });
});
