import { createRequire } from 'node:module';

/**
 * apache-arrow 13 — the version the driver decodes with. Its package exports resolve to `.mjs` files without type
 * declarations under this project's module resolution, so the few constructors the encoder needs are typed here.
 */
export interface ArrowType {
  readonly typeId: number;
}
export type ArrowData = object;
export interface ArrowField {
  readonly name: string;
}
export interface ArrowSchema {
  readonly fields: readonly ArrowField[];
}

interface ArrowModule {
  Bool: new () => ArrowType;
  Int8: new () => ArrowType;
  Int16: new () => ArrowType;
  Int32: new () => ArrowType;
  Int64: new () => ArrowType;
  Float32: new () => ArrowType;
  Float64: new () => ArrowType;
  DateDay: new () => ArrowType;
  TimestampMillisecond: new () => ArrowType;
  Utf8: new () => ArrowType;
  Binary: new () => ArrowType;
  Struct: new (fields: readonly ArrowField[]) => ArrowType;
  Field: new (name: string, type: ArrowType, nullable: boolean) => ArrowField;
  Schema: new (fields: readonly ArrowField[]) => ArrowSchema;
  RecordBatch: new (schema: ArrowSchema, data: ArrowData) => object;
  makeData(props: {
    type: ArrowType;
    length: number;
    nullCount: number;
    nullBitmap?: Uint8Array;
    data?: ArrayBufferView;
    valueOffsets?: Int32Array;
    children?: readonly ArrowData[];
  }): ArrowData;
  RecordBatchStreamWriter: {
    new (): { reset(sink: undefined, schema: ArrowSchema): void; finish(): void; toUint8Array(sync: true): Uint8Array };
    writeAll(batches: readonly object[]): { toUint8Array(sync: true): Uint8Array };
  };
}

export const Arrow = createRequire(import.meta.url)('apache-arrow') as ArrowModule;
