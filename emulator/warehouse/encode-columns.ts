import { cellOf, Utf8Column } from '../sql/engine/utf8-column';
import { FastWriter, PreEncoded } from './fast-writer';
import type { Page } from './page';
import type { WireKind, WireType } from './type-map';
import { bigintOf, bytesOf, dateText, numberOf, textOf, timestampText } from './values';

/** Thrift type codes (TBinaryProtocol). */
const TT = { BOOL: 2, BYTE: 3, DOUBLE: 4, I16: 6, I32: 8, I64: 10, STRING: 11, STRUCT: 12, LIST: 15 } as const;

/** TColumn union field id and element type per carrier (TCLIService.thrift: boolVal=1 … binaryVal=8). */
const CARRIER: Readonly<Record<WireKind, readonly [number, number]>> = {
  bool: [1, TT.BOOL], byte: [2, TT.BYTE], i16: [3, TT.I16], i32: [4, TT.I32], i64: [5, TT.I64], float: [6, TT.DOUBLE],
  double: [6, TT.DOUBLE], string: [7, TT.STRING], date: [7, TT.STRING], timestamp: [7, TT.STRING], binary: [8, TT.STRING],
};

function writeValue(w: FastWriter, kind: WireKind, v: unknown): void {
  switch (kind) {
    case 'bool':
      return w.writeBool(v === null ? false : Boolean(v));
    case 'byte':
      return w.writeByte(v === null ? 0 : numberOf(v));
    case 'i16':
      return w.writeI16(v === null ? 0 : numberOf(v));
    case 'i32':
      return w.writeI32(v === null ? 0 : numberOf(v));
    case 'i64':
      return w.writeI64(v === null ? 0n : bigintOf(v));
    case 'float':
    case 'double':
      return w.writeDouble(v === null ? 0 : numberOf(v));
    case 'string':
      return w.writeString(v === null ? '' : textOf(v));
    case 'date':
      return w.writeString(v === null ? '' : dateText(v));
    case 'timestamp':
      return w.writeString(v === null ? '' : timestampText(v));
    case 'binary':
      return w.writeBinary(v === null ? new Uint8Array() : bytesOf(v));
  }
}

/**
 * A column-based TRowSet (COLUMN_BASED_SET), written straight into Thrift bytes: per column the values list and
 * a null bitmap where bit i (least significant first) marks row i as NULL (reference §2, FetchResults).
 */
export function encodeColumnRowSet(wire: readonly WireType[], page: Page, startRowOffset: number): PreEncoded {
  const w = new FastWriter(1024 + page.rowCount * wire.length * 12);
  w.writeFieldBegin('startRowOffset', TT.I64, 1);
  w.writeI64(startRowOffset);
  w.writeFieldBegin('rows', TT.LIST, 2);
  w.writeListBegin(TT.STRUCT, 0);
  w.writeFieldBegin('columns', TT.LIST, 3);
  w.writeListBegin(TT.STRUCT, wire.length);
  wire.forEach((type, c) => {
    const [fieldId, elementType] = CARRIER[type.kind];
    w.writeFieldBegin('column', TT.STRUCT, fieldId);
    w.writeFieldBegin('values', TT.LIST, 1);
    w.writeListBegin(elementType, page.rowCount);
    const nulls = Buffer.alloc(Math.ceil(page.rowCount / 8));
    let row = 0;
    for (const slice of page.slices) {
      const values = slice.batch.columns[c]!;
      if (values instanceof Utf8Column && (type.kind === 'string' || type.kind === 'binary')) {
        // Bytes straight from DuckDB: a Thrift string is its UTF-8 bytes with a length prefix.
        for (let r = slice.from; r < slice.to; r++, row++) {
          if (values.isNull(r)) nulls[row >> 3] = nulls[row >> 3]! | (1 << (row & 7));
          w.writeStringFrom(values, r);
        }
        continue;
      }
      for (let r = slice.from; r < slice.to; r++, row++) {
        const v = cellOf(values, r);
        if (v === null) nulls[row >> 3] = nulls[row >> 3]! | (1 << (row & 7));
        writeValue(w, type.kind, v);
      }
    }
    w.writeFieldBegin('nulls', TT.STRING, 2);
    w.writeBinary(nulls);
    w.writeFieldStop();
    w.writeFieldStop();
  });
  w.writeFieldStop();
  return new PreEncoded(Buffer.from(w.bytes()));
}
