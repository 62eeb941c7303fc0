import { randomUUID } from 'node:crypto';
import type { AuditRecord, Principal, SandboxInfo } from '../../contracts';
import { dateValue, DuckDBTimestampValue, mapValue, structValue, type DuckDBConnection, type DuckDBDateValue, type DuckDBValue } from '@duckdb/node-api';
import type { Duck } from '../../sql/duck';
import { parseTypeText, toDuckType } from '../../sql/types';
import { AUDIT, COLUMN_LINEAGE, QUERY_HISTORY, SYSTEM_TABLES, TABLE_LINEAGE, type SystemTableDef } from './system-table-defs';

export interface QueryRecord {
  readonly statementId: string;
  readonly sessionId: string;
  /** Null for statements the sandbox ran itself (its seeds). */
  readonly warehouseId: string | null;
  readonly principal: Principal;
  readonly userAgent: string;
  readonly statementText: string;
  readonly statementType: string;
  readonly status: 'FINISHED' | 'FAILED' | 'CANCELED';
  readonly errorMessage: string | null;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly producedRows: number;
}

export interface LineageTable {
  readonly catalog: string;
  readonly schema: string;
  readonly table: string;
  readonly type: 'TABLE' | 'VIEW';
}

export interface LineageRecord {
  readonly statementId: string;
  readonly createdBy: string;
  readonly time: Date;
  readonly sources: readonly LineageTable[];
  readonly target: LineageTable | null;
  /** Source column → target column pairs (target column is null for reads). */
  readonly columns: readonly { readonly source: LineageTable; readonly sourceColumn: string; readonly targetColumn: string | null }[];
}

/** A cell as the appender takes it: JS scalars, or DuckDB values for timestamps, dates, structs and maps. */
type Cell = DuckDBValue;

const ts = (d: Date): DuckDBTimestampValue => new DuckDBTimestampValue(BigInt(d.getTime()) * 1000n);
const date = (d: Date): DuckDBDateValue => dateValue(Math.floor(d.getTime() / 86_400_000));
const NULL = null;

/**
 * Appends to system.access.audit, system.access.table_lineage/column_lineage and system.query.history. Rows are
 * buffered and written in batches; readers call `sync()` first so they always see every event recorded so far.
 */
export class SystemLog {
  private readonly buffers = new Map<SystemTableDef, (readonly Cell[])[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly duck: Duck,
    private readonly sandbox: SandboxInfo,
  ) {}

  async init(): Promise<void> {
    const ddl = SYSTEM_TABLES.map(
      (t) => `CREATE TABLE IF NOT EXISTS ${t.storage} (${t.columns.map((c) => `"${c.name}" ${toDuckType(parseTypeText(c.typeText))}`).join(', ')});`,
    );
    await this.duck.exec(ddl.join('\n'));
  }

  audit(r: AuditRecord, sessionId: string | null = null): void {
    const email = r.principal ? r.principal.name : NULL;
    const map = mapValue(Object.entries(r.requestParams).map(([key, value]) => ({ key, value })));
    this.push(AUDIT, [
      this.sandbox.accountId, this.sandbox.workspaceId, '2.0', ts(r.time), date(r.time),
      r.sourceIp, r.userAgent, sessionId, structValue({ email, subject_name: email }),
      r.serviceName, r.actionName, randomUUID(), map,
      structValue({ status_code: r.statusCode, error_message: r.errorMessage ?? null, result: NULL }),
      'WORKSPACE_LEVEL', randomUUID(), structValue({ run_by: email, run_as: email }),
    ]);
  }

  query(q: QueryRecord): void {
    const ms = Math.max(0, q.endTime.getTime() - q.startTime.getTime());
    const driver = /^(\S+)/.exec(q.userAgent)?.[1] ?? q.userAgent;
    const app = /\(([^;)]+)/.exec(q.userAgent)?.[1] ?? null;
    const n = (v: number) => BigInt(v);
    this.push(QUERY_HISTORY, [
      this.sandbox.accountId, this.sandbox.workspaceId, q.statementId,
      q.principal.name, q.sessionId, q.status,
      structValue({ type: 'WAREHOUSE', cluster_id: NULL, warehouse_id: q.warehouseId }), q.principal.id,
      q.statementText, q.statementType, q.errorMessage, app, driver,
      n(ms), 0n, 0n, n(ms), 0n, n(ms), 0n, ts(q.startTime), ts(q.endTime), ts(q.endTime), 0n, 0n, 0n, 0n,
      n(q.producedRows), 0n, 0, false, 0n, 0n, 0n, NULL, q.principal.id, q.principal.name,
    ]);
  }

  lineage(l: LineageRecord): void {
    const common = (source: LineageTable | null, target: LineageTable | null) => {
      const side = (t: LineageTable | null): Cell[] =>
        t === null ? [NULL, NULL, NULL, NULL, NULL, NULL] : [`${t.catalog}.${t.schema}.${t.table}`, t.catalog, t.schema, t.table, NULL, t.type];
      return { src: side(source), tgt: side(target) };
    };
    const head: Cell[] = [this.sandbox.accountId, this.sandbox.metastoreId, this.sandbox.workspaceId, 'DBSQL_QUERY', l.statementId, NULL];
    const tail = (): Cell[] => [l.createdBy, ts(l.time), date(l.time), randomUUID(), randomUUID(), l.statementId, NULL];
    for (const source of l.sources) {
      const { src, tgt } = common(source, l.target);
      this.push(TABLE_LINEAGE, [...head, ...src, ...tgt, ...tail()]);
    }
    for (const c of l.columns) {
      const { src, tgt } = common(c.source, l.target);
      this.push(COLUMN_LINEAGE, [...head, ...src, c.sourceColumn, ...tgt, c.targetColumn, ...tail()]);
    }
  }

  /**
   * Writes everything buffered; resolves when readers will see it. Rows go in through DuckDB's appender: as
   * `INSERT … VALUES` literals, binding each row's structs and maps cost a sandbox start ~0.9 s of CPU.
   */
  sync(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = [...this.buffers];
    this.buffers.clear();
    return this.duck.serial(async (connection) => {
      for (const [table, rows] of pending) await appendRows(connection, table, rows);
    });
  }

  private push(table: SystemTableDef, values: readonly Cell[]): void {
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(values);
    this.timer ??= setTimeout(() => void this.sync().catch(() => undefined), 200).unref();
  }
}

async function appendRows(connection: DuckDBConnection, table: SystemTableDef, rows: readonly (readonly Cell[])[]): Promise<void> {
  const [schema, name] = table.storage.split('.') as [string, string];
  const appender = await connection.createAppender(name, schema);
  try {
    const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (cell === null) appender.appendNull();
        else if (typeof cell === 'string') appender.appendVarchar(cell);
        else appender.appendValue(cell, types[i]);
      });
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
