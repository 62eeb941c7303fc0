import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';

const decoder = new TextDecoder();

/**
 * A VARCHAR column read straight from DuckDB's vector memory (16-byte string structs: length, then the bytes
 * inline when ≤ 12, else a 4-byte prefix and a pointer), so the Thrift and Arrow encoders copy UTF-8 bytes
 * instead of decoding every value to a JS string and encoding it again; short strings allocate nothing per row.
 * A long string costs one native call (`get_data_from_pointer`, which copies), made once per row at most.
 */
export class Utf8Column {
  private readonly view: DataView;
  private readonly long: (Uint8Array | undefined)[] = [];
  private lastIndex = -1;
  private lastText: string | null = null;

  private constructor(
    private readonly data: Uint8Array,
    private readonly validity: Uint8Array | null,
    readonly length: number,
    // `data` is a view of the chunk's own memory, which DuckDB frees when the chunk object is collected: holding the
    // chunk keeps it alive as long as this column is read (without it, a busy GC turned strings into other rows' bytes).
    private readonly owner: DuckDBDataChunk,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  static fromChunk(chunk: DuckDBDataChunk, column: number): Utf8Column {
    const rows = chunk.rowCount;
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
    const data = duckdb.vector_get_data(vector, rows * 16);
    const bits = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
    const validity = bits && bits.length > 0 ? bits : null;
    return new Utf8Column(data, validity, rows, chunk);
  }

  isNull(i: number): boolean {
    // A NULL's 16 bytes are garbage: validity first (bit i of little-endian uint64 words).
    return this.validity !== null && ((this.validity[i >> 3]! >> (i & 7)) & 1) === 0;
  }

  byteLength(i: number): number {
    return this.isNull(i) ? 0 : this.view.getUint32(i * 16, true);
  }

  /** Copies row i's bytes into `target` at `at`; returns how many. */
  copyTo(i: number, target: Uint8Array, at: number): number {
    if (this.isNull(i)) return 0;
    const base = i * 16;
    const length = this.view.getUint32(base, true);
    if (length <= 12) {
      for (let k = 0; k < length; k++) target[at + k] = this.data[base + 4 + k]!;
      return length;
    }
    target.set(this.longBytes(i, length), at);
    return length;
  }

  private longBytes(i: number, length: number): Uint8Array {
    let bytes = this.long[i];
    if (!bytes) this.long[i] = bytes = duckdb.get_data_from_pointer(this.data.buffer as ArrayBuffer, this.data.byteOffset + i * 16 + 8, length);
    return bytes;
  }

  bytes(i: number): Uint8Array | null {
    if (this.isNull(i)) return null;
    const out = new Uint8Array(this.byteLength(i));
    this.copyTo(i, out, 0);
    return out;
  }

  text(i: number): string | null {
    if (this.isNull(i)) return null;
    if (i === this.lastIndex) return this.lastText;
    this.lastIndex = i;
    const length = this.view.getUint32(i * 16, true);
    this.lastText = length <= 12 ? decoder.decode(this.data.subarray(i * 16 + 4, i * 16 + 4 + length)) : decoder.decode(this.longBytes(i, length));
    return this.lastText;
  }
}

/** One cell of a result column as a JS value. */
export const cellOf = (column: readonly unknown[] | Utf8Column, row: number): unknown =>
  column instanceof Utf8Column ? column.text(row) : (column[row] ?? null);
