import type { DbxType } from '../sql/types';
import { formatType } from '../sql/types';
import { T, type TCLITypes } from './tcli';

/** How a result column goes on the wire: Thrift type, column-based carrier, and Arrow carrier. */
export type WireKind = 'bool' | 'byte' | 'i16' | 'i32' | 'i64' | 'double' | 'float' | 'string' | 'binary' | 'date' | 'timestamp';

export interface WireType {
  readonly typeId: TCLITypes.TTypeId;
  readonly kind: WireKind;
  /** Text shown as TYPE_NAME in metadata results (`STRING`, `DECIMAL(10,2)`, `ARRAY<STRING>`). */
  readonly typeName: string;
  /** java.sql.Types code, as JDBC-style metadata calls report DATA_TYPE. */
  readonly jdbcType: number;
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * Databricks types on the Thrift wire. DECIMAL, complex types and intervals travel as strings (the driver turns
 * DECIMAL strings into numbers and parses ARRAY/MAP/STRUCT JSON, dist/result/utils.js convertThriftValue); DATE
 * and TIMESTAMP travel as Arrow dates so the driver yields JS Dates, as with a real warehouse (reference §1).
 */
export function wireTypeOf(t: DbxType): WireType {
  const name = formatType(t).toUpperCase();
  const I = T.TTypeId;
  switch (t.base) {
    case 'boolean':
      return { typeId: I.BOOLEAN_TYPE, kind: 'bool', typeName: name, jdbcType: 16 };
    case 'tinyint':
      return { typeId: I.TINYINT_TYPE, kind: 'byte', typeName: name, jdbcType: -6 };
    case 'smallint':
      return { typeId: I.SMALLINT_TYPE, kind: 'i16', typeName: name, jdbcType: 5 };
    case 'int':
      return { typeId: I.INT_TYPE, kind: 'i32', typeName: 'INT', jdbcType: 4 };
    case 'bigint':
      return { typeId: I.BIGINT_TYPE, kind: 'i64', typeName: name, jdbcType: -5 };
    case 'float':
      return { typeId: I.FLOAT_TYPE, kind: 'float', typeName: name, jdbcType: 6 };
    case 'double':
      return { typeId: I.DOUBLE_TYPE, kind: 'double', typeName: name, jdbcType: 8 };
    case 'decimal':
      return { typeId: I.DECIMAL_TYPE, kind: 'string', typeName: name, jdbcType: 3, precision: t.args?.[0] ?? 10, scale: t.args?.[1] ?? 0 };
    case 'date':
      return { typeId: I.DATE_TYPE, kind: 'date', typeName: name, jdbcType: 91 };
    case 'timestamp':
    case 'timestamp_ntz':
      return { typeId: I.TIMESTAMP_TYPE, kind: 'timestamp', typeName: 'TIMESTAMP', jdbcType: 93 };
    case 'binary':
      return { typeId: I.BINARY_TYPE, kind: 'binary', typeName: name, jdbcType: -2 };
    case 'array':
      return { typeId: I.ARRAY_TYPE, kind: 'string', typeName: name, jdbcType: 2003 };
    case 'map':
      return { typeId: I.MAP_TYPE, kind: 'string', typeName: name, jdbcType: 2000 };
    case 'struct':
      return { typeId: I.STRUCT_TYPE, kind: 'string', typeName: name, jdbcType: 2002 };
    case 'void':
      return { typeId: I.NULL_TYPE, kind: 'string', typeName: 'VOID', jdbcType: 0 };
    default:
      if (t.base.startsWith('interval')) {
        const dayTime = /day|hour|minute|second/.test(t.base) && !/year|month/.test(t.base);
        return { typeId: dayTime ? I.INTERVAL_DAY_TIME_TYPE : I.INTERVAL_YEAR_MONTH_TYPE, kind: 'string', typeName: name, jdbcType: 1111 };
      }
      return { typeId: I.STRING_TYPE, kind: 'string', typeName: 'STRING', jdbcType: 12 };
  }
}

export function typeDescOf(w: WireType): TCLITypes.TTypeDesc {
  const qualifiers =
    w.precision === undefined
      ? undefined
      : new T.TTypeQualifiers({
          qualifiers: {
            precision: new T.TTypeQualifierValue({ i32Value: w.precision }),
            scale: new T.TTypeQualifierValue({ i32Value: w.scale ?? 0 }),
          },
        });
  const primitive = new T.TPrimitiveTypeEntry(qualifiers === undefined ? { type: w.typeId } : { type: w.typeId, typeQualifiers: qualifiers });
  return new T.TTypeDesc({ types: [new T.TTypeEntry({ primitiveEntry: primitive })] });
}
