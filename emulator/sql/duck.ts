import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * The one DuckDB database behind the sandbox: table data in schema `data`, the catalog mirror behind
 * information_schema in schema `uc`, and the system tables in schema `sys`.
 *
 * DuckDB invalidates a streaming result when its connection runs another query, so every statement gets a
 * connection of its own from a small pool; catalog maintenance runs on one dedicated, serialized connection.
 */
export class Duck {
  private readonly idle: DuckDBConnection[] = [];
  private maintenance: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly admin: DuckDBConnection,
  ) {}

  /** `path` is a database file, or undefined for an in-memory database. */
  static async open(path: string | undefined): Promise<Duck> {
    // Two threads: the sandbox shares a 2-core machine with its clients.
    const instance = await DuckDBInstance.create(path ?? ':memory:', { threads: '2' });
    const admin = await instance.connect();
    await admin.run('CREATE SCHEMA IF NOT EXISTS data; CREATE SCHEMA IF NOT EXISTS uc; CREATE SCHEMA IF NOT EXISTS sys;');
    return new Duck(instance, admin);
  }

  async acquire(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? (await this.instance.connect());
  }

  release(connection: DuckDBConnection): void {
    if (this.closed || this.idle.length >= 4) connection.closeSync();
    else this.idle.push(connection);
  }

  /** Runs `work` on the maintenance connection after everything queued before it. */
  serial<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.maintenance.then(() => work(this.admin));
    this.maintenance = next.catch(() => undefined);
    return next;
  }

  /** Runs SQL on the maintenance connection, in order. */
  exec(sql: string): Promise<void> {
    return this.serial(async (c) => {
      await c.run(sql);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.maintenance;
    this.closed = true;
    for (const c of this.idle.splice(0)) c.closeSync();
    this.admin.closeSync();
    this.instance.closeSync();
  }
}

/** A DuckDB SQL string literal (DuckDB doubles quotes and takes backslashes literally). */
export const duckString = (value: string): string => "'" + value.replaceAll("'", "''") + "'";

/** A DuckDB quoted identifier. */
export const duckIdent = (name: string): string => '"' + name.replaceAll('"', '""') + '"';

export function duckValue(value: string | number | boolean | null | undefined | Date): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `TIMESTAMP ${duckString(value.toISOString().replace('T', ' ').replace('Z', ''))}`;
  return duckString(value);
}

/** `['a','b']` as a DuckDB list literal of strings. */
export const duckStringList = (values: Iterable<string>): string => `[${[...values].map(duckString).join(', ')}]::VARCHAR[]`;
