import { ucErrors } from '../../catalog/errors';
import { duckIdent, duckString } from '../duck';
import type { Token } from '../parse/lexer';
import { parseTypeText, toDuckType } from '../types';

/** Databricks number suffixes (`10L`, `1.5D`, `2BD`, `5S`, `1Y`, `2.5F`) as DuckDB casts. */
export function numberSql(text: string): string {
  const m = /^(.*?)(BD|[LSYDF])?$/i.exec(text)!;
  const digits = m[1]!;
  switch (m[2]?.toUpperCase()) {
    case undefined:
      // Spark reads 1.5 as DECIMAL and 1e3 as DOUBLE; DuckDB agrees on both.
      return digits;
    case 'L':
      return `CAST(${digits} AS BIGINT)`;
    case 'S':
      return `CAST(${digits} AS SMALLINT)`;
    case 'Y':
      return `CAST(${digits} AS TINYINT)`;
    case 'D':
      return `CAST(${digits} AS DOUBLE)`;
    case 'F':
      return `CAST(${digits} AS FLOAT)`;
    default:
      return `CAST(${digits} AS DECIMAL(38, ${digits.includes('.') ? digits.split('.')[1]!.length : 0}))`;
  }
}

/** A Databricks identifier token (word or backticked) as a DuckDB identifier, always quoted. */
export const identSql = (t: Token): string => duckIdent(t.value);

/** The value of a driver parameter (TSparkParameter) as a DuckDB literal of its declared type. */
export function parameterSql(type: string | undefined, value: string | undefined): string {
  if (value === undefined || (type ?? '').toUpperCase() === 'VOID') return 'NULL';
  const t = (type ?? 'STRING').toUpperCase();
  if (t === 'STRING') return duckString(value);
  if (t === 'INTEGER') return `CAST(${duckString(value)} AS INTEGER)`;
  try {
    return `CAST(${duckString(value)} AS ${toDuckType(parseTypeText(t))})`;
  } catch {
    throw ucErrors.invalidParameter(`Unsupported parameter type ${type}.`);
  }
}

/** Java DateTimeFormatter patterns (Spark's date_format/to_date) as strftime/strptime patterns, in one pass. */
export function strftimePattern(pattern: string): string {
  const map: Readonly<Record<string, string>> = {
    yyyy: '%Y', yy: '%y', MMMM: '%B', MMM: '%b', MM: '%m', M: '%-m', dd: '%d', d: '%-d', HH: '%H', H: '%-H', hh: '%I',
    mm: '%M', ss: '%S', SSSSSS: '%f', SSS: '%g', EEEE: '%A', EEE: '%a', a: '%p',
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|mm|ss|SSSSSS|SSS|EEEE|EEE|a|%/g, (m, quoted: string | undefined) =>
    quoted !== undefined ? quoted.replaceAll('%', '%%') : m === '%' ? '%%' : map[m]!,
  );
}
