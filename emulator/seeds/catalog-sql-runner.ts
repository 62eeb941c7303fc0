import { randomUUID } from 'node:crypto';
import type { Principal } from '../contracts';
import { ucErrors } from '../catalog/errors';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { executeSql } from '../sql/engine/execute';
import { NO_PARAMETERS, type SqlSession } from '../sql/engine/session';
import { cellOf } from '../sql/engine/utf8-column';
import { appendSeedRows, type SeedRow } from './seed-rows';

interface Ran {
  readonly rows: unknown[][];
  readonly statementType: string;
}

/**
 * Runs seed statements through the same SQL engine the warehouse uses, as a named principal with a believable
 * client, so the seed leaves the audit, query-history and lineage trail real usage would.
 */
export class SeedSql {
  private readonly sessions = new Map<string, SqlSession>();

  constructor(private readonly uc: UnityCatalog) {}

  principal(name: string): Principal {
    const p = this.uc.identities.byName(name);
    if (!p) throw ucErrors.principalNotFound(name);
    return p;
  }

  run(as: string, sql: string, userAgent = 'Databricks SQL Editor'): Promise<unknown[][]> {
    return this.recorded(as, sql, userAgent, async (session, statementId) => {
      const execution = await executeSql(this.uc, session, sql, statementId, NO_PARAMETERS);
      const rows: unknown[][] = [];
      for (;;) {
        const batch = await execution.source.next();
        if (!batch) break;
        for (let r = 0; r < batch.rowCount; r++) rows.push(batch.columns.map((c) => cellOf(c, r)));
      }
      return { rows, statementType: execution.statementType };
    });
  }

  /**
   * `sql` is `INSERT INTO <table> VALUES <rows>`: it is audited and kept in the query history as run, but the rows
   * go in through DuckDB's appender. Parsing tens of thousands of literals cost every sandbox start ~2 s of CPU;
   * the appender casts the same text to the same column types (seed-rows.test.ts checks that the rows match).
   */
  insert(as: string, sql: string, table: readonly [string, string, string], rows: readonly SeedRow[], userAgent: string): Promise<unknown[][]> {
    return this.recorded(as, sql, userAgent, async (session) => {
      const inserted = await appendSeedRows(this.uc, session.caller.principal, table, rows);
      // What the engine answers for an INSERT: one row of counts (num_affected_rows, num_inserted_rows).
      return { rows: [[inserted, inserted]], statementType: 'INSERT' };
    });
  }

  private async recorded(as: string, sql: string, userAgent: string, work: (session: SqlSession, statementId: string) => Promise<Ran>): Promise<unknown[][]> {
    const principal = this.principal(as);
    let session = this.sessions.get(`${principal.id}|${userAgent}`);
    if (!session) {
      session = { id: randomUUID().replaceAll('-', ''), caller: { principal, userAgent, credential: 'oauth', sourceIp: '10.20.0.15' }, catalog: 'main', schema: 'default' };
      this.sessions.set(`${principal.id}|${userAgent}`, session);
    }
    const statementId = randomUUID();
    const start = new Date();
    const audit = (actionName: string, statusCode: number, errorMessage?: string) =>
      this.uc.recordAudit({
        time: new Date(), serviceName: 'databrickssql', actionName, principal, userAgent, sourceIp: '10.20.0.15',
        requestParams: { commandId: statementId, ...(actionName === 'commandSubmit' ? { commandText: sql } : {}) }, statusCode,
        ...(errorMessage ? { errorMessage } : {}),
      });
    audit('commandSubmit', 200);
    try {
      const { rows, statementType } = await work(session, statementId);
      audit('commandFinish', 200);
      this.history(session, statementId, sql, statementType, 'FINISHED', null, start, rows.length);
      return rows;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      audit('commandFinish', 400, message);
      this.history(session, statementId, sql, 'OTHER', 'FAILED', message, start, 0);
      throw error;
    }
  }

  private history(session: SqlSession, statementId: string, text: string, type: string, status: 'FINISHED' | 'FAILED', error: string | null, start: Date, rows: number): void {
    this.uc.log.query({
      statementId, sessionId: session.id, warehouseId: null, principal: session.caller.principal, userAgent: session.caller.userAgent,
      statementText: text, statementType: type, status, errorMessage: error, startTime: start, endTime: new Date(), producedRows: rows,
    });
  }
}
