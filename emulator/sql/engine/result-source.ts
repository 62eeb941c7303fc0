import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { typeFromDuck, type DbxType } from '../types';
import { Utf8Column } from './utf8-column';

export interface ResultColumn {
  readonly name: string;
  readonly type: DbxType;
}

/**
 * Column-major rows: `columns[c][r]`. Values are DuckDB values or plain JS values (string, number, Date…);
 * VARCHAR columns from DuckDB are Utf8Columns (read cells with `cellOf`).
 */
export interface ColumnarBatch {
  readonly rowCount: number;
  readonly columns: readonly (readonly unknown[] | Utf8Column)[];
}

/** A statement's result, pulled batch by batch so large results stream instead of materializing. */
export interface ResultSource {
  readonly columns: readonly ResultColumn[];
  next(): Promise<ColumnarBatch | null>;
  close(): void;
}

/** A result computed in JS (SHOW, DESCRIBE, DML counts). */
export function valuesSource(columns: readonly ResultColumn[], rows: readonly (readonly unknown[])[]): ResultSource {
  let done = false;
  return {
    columns,
    async next() {
      if (done || rows.length === 0) return null;
      done = true;
      return { rowCount: rows.length, columns: columns.map((_, c) => rows.map((r) => r[c] ?? null)) };
    },
    close() {
      done = true;
    },
  };
}

/** The result of statements that return no rows (DDL, grants, USE). */
export const emptySource = (): ResultSource => valuesSource([], []);

/**
 * A streaming DuckDB result. The connection is the statement's own (DuckDB invalidates a stream when its
 * connection runs anything else) and goes back to the pool on close.
 */
export function duckSource(result: DuckDBResult, connection: DuckDBConnection, release: (c: DuckDBConnection) => void): ResultSource {
  const columns = result.columnNames().map((name, i) => ({ name, type: typeFromDuck(result.columnType(i)) }));
  const varchar = columns.map((_, i) => result.columnTypeId(i) === DuckDBTypeId.VARCHAR);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    release(connection);
  };
  return {
    columns,
    async next() {
      if (!open) return null;
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) {
        close();
        return null;
      }
      const values: (unknown[] | Utf8Column)[] = [];
      for (let c = 0; c < chunk.columnCount; c++) values.push(varchar[c] ? Utf8Column.fromChunk(chunk, c) : chunk.getColumnValues(c));
      return { rowCount: chunk.rowCount, columns: values };
    },
    close,
  };
}
