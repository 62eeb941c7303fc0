import { describe, expect, it } from 'vitest';
import type { SqlSession } from '../connection/types';
import { isReadStatement, readOnlySql } from './read-only';

describe('the smoke check only reads', () => {
  it('lets SELECT, SHOW and DESCRIBE through, one statement at a time', () => {
    for (const ok of ['SELECT 1', '  select * from t', 'SHOW GRANTS ON CATALOG `c`', 'DESCRIBE TABLE system.access.audit', 'desc t']) expect(isReadStatement(ok), ok).toBe(true);
    for (const no of ['GRANT SELECT ON TABLE t TO x', 'CREATE CATALOG c', 'SELECT 1; DROP CATALOG c', 'INSERT INTO t VALUES (1)', 'ALTER CATALOG c SET TAGS (\'a\' = \'b\')', 'selective']) expect(isReadStatement(no), no).toBe(false);
  });

  it('refuses anything else before it is sent', async () => {
    const sent: string[] = [];
    const session = { execute: async (sql: string) => (sent.push(sql), []) } as unknown as SqlSession;
    const sql = readOnlySql(session, new AbortController().signal);
    expect(() => sql.query('DROP CATALOG main CASCADE')).toThrow(/only reads/);
    await sql.query('SELECT 1');
    expect(sent).toEqual(['SELECT 1']);
  });
});
