import { randomUUID } from 'node:crypto';
import type { AuditRecord, Principal, SandboxInfo } from '../../contracts';
import { duckString, duckValue, type Duck } from '../../sql/duck';
import { parseTypeText, toDuckType } from '../../sql/types';
import { AUDIT, COLUMN_LINEAGE, QUERY_HISTORY, SYSTEM_TABLES, TABLE_LINEAGE } from './system-table-defs';

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

const struct = (fields: Readonly<Record<string, string>>): string =>
  `{${Object.entries(fields).map(([k, v]) => `'${k}': ${v}`).join(', ')}}`;
const ts = (d: Date): string => duckValue(d);
const date = (d: Date): string => `DATE ${duckString(d.toISOString().slice(0, 10))}`;
const NULL = 'NULL';

/**
 * Appends to system.access.audit, system.access.table_lineage/column_lineage and system.query.history. Rows are
 * buffered and written in batches; readers call `sync()` first so they always see every event recorded so far.
 */
export class SystemLog {
  private readonly buffers = new Map<string, string[]>();
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
    const email = r.principal ? duckString(r.principal.name) : NULL;
    const params = Object.entries(r.requestParams);
    const map = params.length === 0 ? 'MAP {}' : `MAP {${params.map(([k, v]) => `${duckString(k)}: ${duckString(v)}`).join(', ')}}`;
    this.push(AUDIT.storage, [
      duckString(this.sandbox.accountId), duckString(this.sandbox.workspaceId), `'2.0'`, ts(r.time), date(r.time),
      duckString(r.sourceIp), duckString(r.userAgent), duckValue(sessionId), struct({ email, subject_name: email }),
      duckString(r.serviceName), duckString(r.actionName), duckString(randomUUID()), map,
      struct({ status_code: String(r.statusCode), error_message: duckValue(r.errorMessage ?? null), result: NULL }),
      `'WORKSPACE_LEVEL'`, duckString(randomUUID()), struct({ run_by: email, run_as: email }),
    ]);
  }

  query(q: QueryRecord): void {
    const ms = Math.max(0, q.endTime.getTime() - q.startTime.getTime());
    const driver = /^(\S+)/.exec(q.userAgent)?.[1] ?? q.userAgent;
    const app = /\(([^;)]+)/.exec(q.userAgent)?.[1] ?? null;
    const n = (v: number) => String(v);
    this.push(QUERY_HISTORY.storage, [
      duckString(this.sandbox.accountId), duckString(this.sandbox.workspaceId), duckString(q.statementId),
      duckString(q.principal.name), duckString(q.sessionId), duckString(q.status),
      struct({ type: `'WAREHOUSE'`, cluster_id: NULL, warehouse_id: duckValue(q.warehouseId) }), duckString(q.principal.id),
      duckString(q.statementText), duckString(q.statementType), duckValue(q.errorMessage), duckValue(app), duckString(driver),
      n(ms), '0', '0', n(ms), '0', n(ms), '0', ts(q.startTime), ts(q.endTime), ts(q.endTime), '0', '0', '0', '0',
      n(q.producedRows), '0', '0', 'FALSE', '0', '0', '0', NULL, duckString(q.principal.id), duckString(q.principal.name),
    ]);
  }

  lineage(l: LineageRecord): void {
    const common = (source: LineageTable | null, target: LineageTable | null) => {
      const side = (t: LineageTable | null) =>
        t === null
          ? [NULL, NULL, NULL, NULL, NULL, NULL]
          : [duckString(`${t.catalog}.${t.schema}.${t.table}`), duckString(t.catalog), duckString(t.schema), duckString(t.table), NULL, duckString(t.type)];
      return { src: side(source), tgt: side(target) };
    };
    const head = [duckString(this.sandbox.accountId), duckString(this.sandbox.metastoreId), duckString(this.sandbox.workspaceId), `'DBSQL_QUERY'`, duckString(l.statementId), NULL];
    const tail = () => [
      duckString(l.createdBy), ts(l.time), date(l.time), duckString(randomUUID()), duckString(randomUUID()), duckString(l.statementId), NULL,
    ];
    for (const source of l.sources) {
      const { src, tgt } = common(source, l.target);
      this.push(TABLE_LINEAGE.storage, [...head, ...src, ...tgt, ...tail()]);
    }
    for (const c of l.columns) {
      const { src, tgt } = common(c.source, l.target);
      this.push(COLUMN_LINEAGE.storage, [...head, ...src, duckString(c.sourceColumn), ...tgt, duckValue(c.targetColumn), ...tail()]);
    }
  }

  /** Writes everything buffered; resolves when readers will see it. */
  sync(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const statements = [...this.buffers].map(([table, rows]) => `INSERT INTO ${table} VALUES ${rows.join(', ')};`);
    this.buffers.clear();
    if (statements.length === 0) return this.duck.serial(async () => undefined);
    return this.duck.exec(statements.join('\n'));
  }

  private push(table: string, values: readonly string[]): void {
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(`(${values.join(', ')})`);
    this.timer ??= setTimeout(() => void this.sync().catch(() => undefined), 200).unref();
  }
}
