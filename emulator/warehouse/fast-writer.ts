/**
 * A Thrift TBinaryProtocol writer into one growing buffer. The stock thrift 0.23 writer allocates a Buffer per
 * value, which makes the server the bottleneck for large results (reference sql-driver-thrift-protocol.md §3.12).
 * It implements the calls the generated `write(output)` methods make, plus `writeRaw` for pre-encoded parts.
 */
interface Int64Like {
  readonly buffer: Buffer;
  readonly offset?: number;
}

export class FastWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** The bytes written so far (a view; copy before reusing the writer). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  get length(): number {
    return this.pos;
  }

  writeMessageBegin(name: string, type: number, seqid: number): void {
    this.writeI32((0x80010000 | type) >> 0);
    this.writeString(name);
    this.writeI32(seqid);
  }
  writeMessageEnd(): void {}
  writeStructBegin(_name?: string): void {}
  writeStructEnd(): void {}
  writeFieldBegin(_name: string, type: number, id: number): void {
    this.writeByte(type);
    this.writeI16(id);
  }
  writeFieldEnd(): void {}
  writeFieldStop(): void {
    this.writeByte(0);
  }
  writeMapBegin(ktype: number, vtype: number, size: number): void {
    this.writeByte(ktype);
    this.writeByte(vtype);
    this.writeI32(size);
  }
  writeMapEnd(): void {}
  writeListBegin(etype: number, size: number): void {
    this.writeByte(etype);
    this.writeI32(size);
  }
  writeListEnd(): void {}
  writeSetBegin(etype: number, size: number): void {
    this.writeListBegin(etype, size);
  }
  writeSetEnd(): void {}

  writeBool(value: boolean): void {
    this.writeByte(value ? 1 : 0);
  }
  writeByte(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value & 0xff;
  }
  writeI16(value: number): void {
    this.ensure(2);
    this.buf.writeInt16BE(value, this.pos);
    this.pos += 2;
  }
  writeI32(value: number): void {
    this.ensure(4);
    this.buf.writeInt32BE(value, this.pos);
    this.pos += 4;
  }
  writeI64(value: number | bigint | Int64Like): void {
    this.ensure(8);
    if (typeof value === 'number') this.buf.writeBigInt64BE(BigInt(Math.trunc(value)), this.pos);
    else if (typeof value === 'bigint') this.buf.writeBigInt64BE(value, this.pos);
    else value.buffer.copy(this.buf, this.pos, value.offset ?? 0, (value.offset ?? 0) + 8);
    this.pos += 8;
  }
  writeDouble(value: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(value, this.pos);
    this.pos += 8;
  }
  writeString(value: string): void {
    // UTF-16 code units encode to at most 3 bytes each; write, then fill in the length.
    this.ensure(4 + value.length * 3);
    const written = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(written, this.pos);
    this.pos += 4 + written;
  }
  writeBinary(value: Buffer | Uint8Array | string): void {
    if (typeof value === 'string') return this.writeString(value);
    this.writeI32(value.length);
    this.writeRaw(value);
  }
  writeUtf8Bytes(bytes: Uint8Array): void {
    this.writeBinary(bytes);
  }
  /** A Thrift string whose UTF-8 bytes come from a result column, copied without an intermediate array. */
  writeStringFrom(column: { byteLength(i: number): number; copyTo(i: number, target: Uint8Array, at: number): number }, row: number): void {
    const length = column.byteLength(row);
    this.ensure(4 + length);
    this.buf.writeInt32BE(length, this.pos);
    column.copyTo(row, this.buf, this.pos + 4);
    this.pos += 4 + length;
  }
  writeRaw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
  flush(): void {}
}

/** A struct whose bytes were encoded ahead of time, to drop into a generated struct's field. */
export class PreEncoded {
  constructor(private readonly bytes: Uint8Array) {}
  write(output: FastWriter): void {
    output.writeRaw(this.bytes);
  }
}
