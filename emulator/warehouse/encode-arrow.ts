import { Arrow, type ArrowData as Data, type ArrowSchema as Schema, type ArrowType as DataType } from './arrow-runtime';
import { cellOf, Utf8Column } from '../sql/engine/utf8-column';
import type { Page } from './page';
import type { WireKind, WireType } from './type-map';
import { bigintOf, bytesOf, daysOf, millisOf, numberOf, textOf } from './values';

const {
  Binary, Bool, DateDay, Field, Float32, Float64, Int8, Int16, Int32, Int64, makeData, RecordBatch, RecordBatchStreamWriter, Schema: ArrowSchema,
  Struct, TimestampMillisecond, Utf8,
} = Arrow;

function arrowType(kind: WireKind): DataType {
  switch (kind) {
    case 'bool':
      return new Bool();
    case 'byte':
      return new Int8();
    case 'i16':
      return new Int16();
    case 'i32':
      return new Int32();
    case 'i64':
      return new Int64();
    case 'float':
      return new Float32();
    case 'double':
      return new Float64();
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new TimestampMillisecond();
    case 'binary':
      return new Binary();
    case 'string':
      return new Utf8();
  }
}

/**
 * Arrow results (ARROW_BASED_SET), built with the apache-arrow version the driver itself uses (13). The schema
 * is an IPC stream of the schema message plus end-of-stream, exactly what the driver's own
 * hiveSchemaToArrowSchema produces; each batch is one record-batch message cut from a stream (reference §3.10).
 */
export class ArrowEncoder {
  private readonly schema: Schema;
  /** IPC stream: schema message + EOS (8 bytes). */
  readonly schemaBytes: Buffer;

  constructor(names: readonly string[], private readonly wire: readonly WireType[]) {
    this.schema = new ArrowSchema(wire.map((w, i) => new Field(names[i]!, arrowType(w.kind), true)));
    const writer = new RecordBatchStreamWriter();
    writer.reset(undefined, this.schema);
    writer.finish();
    this.schemaBytes = Buffer.from(writer.toUint8Array(true));
  }

  /** One record-batch message holding the page's rows. */
  encode(page: Page): Buffer {
    const n = page.rowCount;
    const children = this.wire.map((w, c) => this.column(w.kind, c, page, n));
    const batch = new RecordBatch(this.schema, makeData({ type: new Struct(this.schema.fields), length: n, nullCount: 0, children }));
    const stream = RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
    const schemaMessage = this.schemaBytes.length - 8;
    return Buffer.from(stream.subarray(schemaMessage, stream.length - 8));
  }

  /** UTF-8 bytes from DuckDB go into the Arrow buffers as they are (no decode and re-encode). */
  private utf8Column(kind: 'string' | 'binary', c: number, page: Page, n: number): Data {
    const validity = new Uint8Array(Math.ceil(n / 8));
    const offsets = new Int32Array(n + 1);
    let size = 0;
    let row = 0;
    let nullCount = 0;
    for (const slice of page.slices) {
      const col = slice.batch.columns[c] as Utf8Column;
      for (let r = slice.from; r < slice.to; r++, row++) {
        if (col.isNull(r)) nullCount++;
        else validity[row >> 3] = validity[row >> 3]! | (1 << (row & 7));
        size += col.byteLength(r);
        offsets[row + 1] = size;
      }
    }
    const data = new Uint8Array(size);
    row = 0;
    for (const slice of page.slices) {
      const col = slice.batch.columns[c] as Utf8Column;
      for (let r = slice.from; r < slice.to; r++, row++) col.copyTo(r, data, offsets[row]!);
    }
    const base = { length: n, nullCount, nullBitmap: validity, valueOffsets: offsets, data };
    return kind === 'binary' ? makeData({ ...base, type: new Binary() }) : makeData({ ...base, type: new Utf8() });
  }

  private column(kind: WireKind, c: number, page: Page, n: number): Data {
    if ((kind === 'string' || kind === 'binary') && page.slices.length > 0 && page.slices.every((s) => s.batch.columns[c] instanceof Utf8Column)) {
      return this.utf8Column(kind, c, page, n);
    }
    const validity = new Uint8Array(Math.ceil(n / 8));
    let nullCount = 0;
    const values: unknown[] = new Array(n);
    let row = 0;
    for (const slice of page.slices) {
      const col = slice.batch.columns[c]!;
      for (let r = slice.from; r < slice.to; r++, row++) {
        const v = cellOf(col, r);
        if (v === null) nullCount++;
        else validity[row >> 3] = validity[row >> 3]! | (1 << (row & 7));
        values[row] = v;
      }
    }
    const type = arrowType(kind);
    const base = { type, length: n, nullCount, nullBitmap: validity } as const;
    const fill = <A extends { [i: number]: number | bigint }>(arr: A, f: (v: unknown) => number | bigint): A => {
      values.forEach((v, i) => {
        if (v !== null) arr[i] = f(v) as never;
      });
      return arr;
    };
    switch (kind) {
      case 'bool': {
        const bits = new Uint8Array(Math.ceil(n / 8));
        values.forEach((v, i) => {
          if (v === true) bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
        });
        return makeData({ ...base, type: new Bool(), data: bits });
      }
      case 'byte':
        return makeData({ ...base, type: new Int8(), data: fill(new Int8Array(n), numberOf) });
      case 'i16':
        return makeData({ ...base, type: new Int16(), data: fill(new Int16Array(n), numberOf) });
      case 'i32':
        return makeData({ ...base, type: new Int32(), data: fill(new Int32Array(n), numberOf) });
      case 'i64':
        return makeData({ ...base, type: new Int64(), data: fill(new BigInt64Array(n), bigintOf) });
      case 'float':
        return makeData({ ...base, type: new Float32(), data: fill(new Float32Array(n), numberOf) });
      case 'double':
        return makeData({ ...base, type: new Float64(), data: fill(new Float64Array(n), numberOf) });
      case 'date':
        return makeData({ ...base, type: new DateDay(), data: fill(new Int32Array(n), daysOf) });
      case 'timestamp':
        return makeData({ ...base, type: new TimestampMillisecond(), data: fill(new BigInt64Array(n), (v) => BigInt(millisOf(v))) });
      case 'binary':
      case 'string': {
        const offsets = new Int32Array(n + 1);
        const parts: Uint8Array[] = [];
        let size = 0;
        values.forEach((v, i) => {
          if (v !== null) {
            const bytes = kind === 'binary' ? bytesOf(v) : Buffer.from(textOf(v), 'utf8');
            parts.push(bytes);
            size += bytes.length;
          }
          offsets[i + 1] = size;
        });
        const data = Buffer.concat(parts, size);
        return kind === 'binary'
          ? makeData({ ...base, type: new Binary(), valueOffsets: offsets, data })
          : makeData({ ...base, type: new Utf8(), valueOffsets: offsets, data });
      }
    }
  }
}
