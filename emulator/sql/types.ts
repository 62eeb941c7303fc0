import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import { ucErrors } from '../catalog/errors';

/** A Databricks SQL data type (reference §4.4 ColumnTypeName; Databricks data types). */
export interface DbxType {
  readonly base: string;
  readonly args?: readonly number[];
  readonly element?: DbxType;
  readonly key?: DbxType;
  readonly value?: DbxType;
  readonly fields?: readonly { readonly name: string; readonly type: DbxType }[];
}

const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int', long: 'bigint', short: 'smallint', byte: 'tinyint', real: 'float', dec: 'decimal', numeric: 'decimal',
  bool: 'boolean', text: 'string',
};
const SIMPLE = new Set([
  'string', 'int', 'bigint', 'smallint', 'tinyint', 'float', 'double', 'boolean', 'date', 'timestamp', 'timestamp_ntz',
  'binary', 'void', 'variant',
]);

/** Parses `decimal(10, 2)`, `ARRAY<STRING>`, `struct<a:int, b string>`, `map<string,int>`… */
export function parseTypeText(text: string): DbxType {
  let pos = 0;
  const src = text.trim();
  const peek = () => src[pos];
  const skip = () => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const word = (): string => {
    skip();
    const m = /^(`(?:[^`]|``)*`|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(pos));
    if (!m) throw ucErrors.parse(`'${src.slice(pos, pos + 10) || text}'`);
    pos += m[0].length;
    return m[0].startsWith('`') ? m[0].slice(1, -1).replaceAll('``', '`') : m[0];
  };
  const expect = (ch: string) => {
    skip();
    if (peek() !== ch) throw ucErrors.parse(`'${src.slice(pos, pos + 10) || 'end of input'}'`);
    pos++;
  };
  const one = (): DbxType => {
    const raw = word().toLowerCase();
    const base = ALIASES[raw] ?? raw;
    skip();
    if (base === 'array') {
      expect('<');
      const element = one();
      expect('>');
      return { base, element };
    }
    if (base === 'map') {
      expect('<');
      const key = one();
      expect(',');
      const value = one();
      expect('>');
      return { base, key, value };
    }
    if (base === 'struct') {
      expect('<');
      const fields: { name: string; type: DbxType }[] = [];
      skip();
      while (peek() !== '>') {
        const name = word();
        skip();
        if (peek() === ':') pos++;
        fields.push({ name, type: one() });
        skip();
        if (peek() === ',') pos++;
        skip();
      }
      expect('>');
      return { base, fields };
    }
    if (base === 'interval') {
      const rest = src.slice(pos).match(/^\s*(year|month|day|hour|minute|second)(\s+to\s+(year|month|day|hour|minute|second))?/i);
      if (rest) pos += rest[0].length;
      return { base: rest ? `interval ${rest[0].trim().toLowerCase().replace(/\s+/g, ' ')}` : 'interval day to second' };
    }
    if (base === 'decimal' || base === 'char' || base === 'varchar') {
      skip();
      if (peek() === '(') {
        pos++;
        const nums: number[] = [];
        for (;;) {
          skip();
          const m = /^\d+/.exec(src.slice(pos));
          if (!m) throw ucErrors.parse(`'${src.slice(pos, pos + 10)}'`);
          nums.push(Number(m[0]));
          pos += m[0].length;
          skip();
          if (peek() === ',') pos++;
          else break;
        }
        expect(')');
        return { base, args: nums };
      }
      return base === 'decimal' ? { base, args: [10, 0] } : { base: 'string' };
    }
    if (!SIMPLE.has(base)) throw ucErrors.parse(`'${raw}'`);
    return { base };
  };
  const type = one();
  skip();
  if (pos !== src.length) throw ucErrors.parse(`'${src.slice(pos, pos + 10)}'`);
  return type;
}

/** The canonical lower-case text Databricks shows as `full_data_type` / `type_text`. */
export function formatType(t: DbxType): string {
  if (t.element) return `array<${formatType(t.element)}>`;
  if (t.key && t.value) return `map<${formatType(t.key)},${formatType(t.value)}>`;
  if (t.fields) return `struct<${t.fields.map((f) => `${f.name}:${formatType(f.type)}`).join(',')}>`;
  if (t.args) return `${t.base}(${t.args.join(',')})`;
  return t.base;
}

export const normalizeTypeText = (text: string): string => formatType(parseTypeText(text));

const DUCK: Readonly<Record<string, string>> = {
  string: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', smallint: 'SMALLINT', tinyint: 'TINYINT', float: 'FLOAT',
  double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', timestamp_ntz: 'TIMESTAMP',
  binary: 'BLOB', void: 'VARCHAR', variant: 'JSON', char: 'VARCHAR', varchar: 'VARCHAR',
};

export function toDuckType(t: DbxType): string {
  if (t.element) return `${toDuckType(t.element)}[]`;
  if (t.key && t.value) return `MAP(${toDuckType(t.key)}, ${toDuckType(t.value)})`;
  if (t.fields) return `STRUCT(${t.fields.map((f) => `"${f.name.replaceAll('"', '""')}" ${toDuckType(f.type)}`).join(', ')})`;
  if (t.base === 'decimal') return `DECIMAL(${t.args?.[0] ?? 10}, ${t.args?.[1] ?? 0})`;
  if (t.base.startsWith('interval')) return 'INTERVAL';
  return DUCK[t.base] ?? 'VARCHAR';
}

/** The Databricks type of a DuckDB result column, as Databricks would type the same expression. */
export function typeFromDuck(t: DuckDBType): DbxType {
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { base: 'boolean' };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.UTINYINT:
      return { base: 'tinyint' };
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.USMALLINT:
      return { base: 'smallint' };
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UINTEGER:
      return { base: 'int' };
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return { base: 'bigint' };
    case DuckDBTypeId.FLOAT:
      return { base: 'float' };
    case DuckDBTypeId.DOUBLE:
      return { base: 'double' };
    case DuckDBTypeId.DECIMAL:
      return { base: 'decimal', args: [t.width, t.scale] };
    case DuckDBTypeId.DATE:
      return { base: 'date' };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { base: 'timestamp' };
    case DuckDBTypeId.BLOB:
      return { base: 'binary' };
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return { base: 'array', element: typeFromDuck(t.valueType) };
    case DuckDBTypeId.MAP:
      return { base: 'map', key: typeFromDuck(t.keyType), value: typeFromDuck(t.valueType) };
    case DuckDBTypeId.STRUCT:
      return { base: 'struct', fields: t.entryNames.map((name, i) => ({ name, type: typeFromDuck(t.entryTypes[i]!) })) };
    case DuckDBTypeId.INTERVAL:
      return { base: 'interval day to second' };
    case DuckDBTypeId.SQLNULL:
      return { base: 'void' };
    default:
      return { base: 'string' };
  }
}

/** information_schema DATA_TYPE: the upper-case type name without parameters. */
export function dataTypeName(t: DbxType): string {
  if (t.base.startsWith('interval')) return 'INTERVAL';
  return t.base.toUpperCase();
}

const REST_NAMES: Readonly<Record<string, string>> = {
  string: 'STRING', int: 'INT', bigint: 'LONG', smallint: 'SHORT', tinyint: 'BYTE', float: 'FLOAT', double: 'DOUBLE',
  boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', timestamp_ntz: 'TIMESTAMP_NTZ', binary: 'BINARY',
  decimal: 'DECIMAL', array: 'ARRAY', map: 'MAP', struct: 'STRUCT', void: 'NULL', char: 'CHAR', varchar: 'STRING',
  variant: 'VARIANT',
};

/** REST `ColumnInfo.type_name` (reference §4.4 ColumnTypeName). */
export const restTypeName = (t: DbxType): string => (t.base.startsWith('interval') ? 'INTERVAL' : REST_NAMES[t.base] ?? 'STRING');

/** The numeric/character attributes information_schema.columns reports for a type. */
export function typeAttributes(t: DbxType): {
  readonly numericPrecision: number | null;
  readonly numericRadix: number | null;
  readonly numericScale: number | null;
  readonly datetimePrecision: number | null;
  readonly charMaxLength: number | null;
} {
  const ints: Readonly<Record<string, number>> = { tinyint: 3, smallint: 5, int: 10, bigint: 19 };
  const none = { numericPrecision: null, numericRadix: null, numericScale: null, datetimePrecision: null, charMaxLength: null };
  if (ints[t.base] !== undefined) return { ...none, numericPrecision: ints[t.base]!, numericRadix: 10, numericScale: 0 };
  if (t.base === 'float') return { ...none, numericPrecision: 24, numericRadix: 2 };
  if (t.base === 'double') return { ...none, numericPrecision: 53, numericRadix: 2 };
  if (t.base === 'decimal') return { ...none, numericPrecision: t.args?.[0] ?? 10, numericRadix: 10, numericScale: t.args?.[1] ?? 0 };
  if (t.base === 'date') return { ...none, datetimePrecision: 0 };
  if (t.base === 'timestamp' || t.base === 'timestamp_ntz') return { ...none, datetimePrecision: 6 };
  if ((t.base === 'char' || t.base === 'varchar') && t.args) return { ...none, charMaxLength: t.args[0]! };
  return none;
}
