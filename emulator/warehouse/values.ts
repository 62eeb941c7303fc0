import {
  DuckDBBlobValue, DuckDBDateValue, DuckDBDecimalValue, DuckDBListValue, DuckDBMapValue, DuckDBStructValue, DuckDBTimestampTZValue,
  DuckDBTimestampValue, DuckDBArrayValue,
} from '@duckdb/node-api';

/**
 * Turning result values (DuckDB values or plain JS values) into what each wire carrier needs. Complex values
 * become JSON text, which the driver parses for ARRAY/MAP/STRUCT columns.
 */
const MS_PER_DAY = 86_400_000;

function jsonable(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return v.items.map(jsonable);
  if (v instanceof DuckDBStructValue) return Object.fromEntries(Object.entries(v.entries).map(([k, x]) => [k, jsonable(x)]));
  if (v instanceof DuckDBMapValue) return Object.fromEntries(v.entries.map((e) => [String(jsonable(e.key)), jsonable(e.value)]));
  if (v instanceof DuckDBDecimalValue) return Number(v.toString());
  if (v instanceof DuckDBBlobValue) return Buffer.from(v.bytes).toString('base64');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return String(v);
  return v;
}

/** Text form, as Databricks renders values in string columns. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue || v instanceof DuckDBStructValue || v instanceof DuckDBMapValue) {
    return JSON.stringify(jsonable(v));
  }
  if (v instanceof DuckDBTimestampTZValue) return v.toString().replace(/\+00(:00)?$/, '');
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (v instanceof DuckDBBlobValue) return Buffer.from(v.bytes).toString('utf8');
  return String(v);
}

export function daysOf(v: unknown): number {
  if (v instanceof DuckDBDateValue) return v.days;
  if (v instanceof Date) return Math.floor(v.getTime() / MS_PER_DAY);
  return Math.floor(new Date(String(v)).getTime() / MS_PER_DAY);
}

export function millisOf(v: unknown): number {
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return Number(v.micros / 1000n);
  if (v instanceof DuckDBDateValue) return v.days * MS_PER_DAY;
  if (v instanceof Date) return v.getTime();
  return new Date(String(v)).getTime();
}

/** `YYYY-MM-DD` for column-based DATE columns. */
export const dateText = (v: unknown): string => (v instanceof DuckDBDateValue ? v.toString() : new Date(daysOf(v) * MS_PER_DAY).toISOString().slice(0, 10));

/** `YYYY-MM-DD HH:MM:SS[.ffffff]` for column-based TIMESTAMP columns. */
export const timestampText = (v: unknown): string => {
  if (v instanceof DuckDBTimestampValue) return v.toString();
  return textOf(v instanceof DuckDBTimestampTZValue ? v : new Date(millisOf(v)));
};

export function bigintOf(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  return BigInt(String(v));
}

export function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number(String(v));
}

export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof DuckDBBlobValue) return v.bytes;
  if (v instanceof Uint8Array) return v;
  return Buffer.from(textOf(v), 'utf8');
}
