import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../../warehouse/testing/test-warehouse';

/**
 * DESCRIBE TABLE (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-aux-describe-table) of what
 * the `system` catalog holds: the information_schema views (described by the columns they answer with, e.g. the
 * TABLES view's documented columns, https://docs.databricks.com/aws/en/sql/language-manual/information-schema/tables)
 * and the system tables, once their schema is enabled (https://docs.databricks.com/aws/en/admin/system-tables/). The
 * docs do not say what DESCRIBE of a table in a schema not yet enabled answers: the sandbox answers as for reading it.
 */
let w: TestWarehouse;
const as = sessionsFor(() => w);
const admin = async (sql: string) => query(await as('admin@example.com'), sql);

beforeAll(async () => {
  w = await startTestWarehouse();
});
afterAll(async () => w.close());

describe('DESCRIBE of system tables and information_schema views', () => {
  it('describes an information_schema view with its documented columns, in system and in a catalog', async () => {
    const rows = await admin('DESCRIBE TABLE system.information_schema.tables');
    expect(rows.slice(0, 4)).toEqual([
      { col_name: 'table_catalog', data_type: 'string', comment: null },
      { col_name: 'table_schema', data_type: 'string', comment: null },
      { col_name: 'table_name', data_type: 'string', comment: null },
      { col_name: 'table_type', data_type: 'string', comment: null },
    ]);
    const privileges = await admin('DESCRIBE system.information_schema.table_privileges');
    expect(privileges.map((r) => r.col_name)).toEqual(['grantor', 'grantee', 'table_catalog', 'table_schema', 'table_name', 'privilege_type', 'is_grantable', 'inherited_from']);
    await admin('CREATE CATALOG d1');
    expect((await admin('DESCRIBE TABLE d1.information_schema.schemata')).map((r) => r.col_name)).toContain('schema_owner');
    await expect(admin('DESCRIBE TABLE system.information_schema.no_such_view')).rejects.toMatchObject({ response: { sqlState: '42P01' } });
  });

  it('describes a system table once its schema is enabled, and refuses it as a read is refused before', async () => {
    await expect(admin('DESCRIBE TABLE system.access.audit')).rejects.toMatchObject({ message: expect.stringMatching(/^\[TABLE_OR_VIEW_NOT_FOUND\].*not enabled/) });
    w.uc.settings.setSystemSchema('access', 'ENABLE_COMPLETED');
    const rows = await admin('DESCRIBE TABLE system.access.audit');
    expect(rows.map((r) => r.col_name)).toEqual(expect.arrayContaining(['event_time', 'service_name', 'action_name', 'request_params', 'user_identity']));
    const extended = await admin('DESCRIBE TABLE EXTENDED system.access.audit');
    expect(extended).toContainEqual({ col_name: 'Owner', data_type: 'System user', comment: '' });
  });
});
