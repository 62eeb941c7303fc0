import { createRequire } from 'node:module';
import type * as TCLITypes from '@databricks/sql/thrift/TCLIService_types';

/**
 * The generated TCLIService structs shipped inside the installed `@databricks/sql` package (reference
 * sql-driver-thrift-protocol.md §2) and the `thrift` runtime it brings. They are CommonJS without ESM named
 * exports, so they are loaded with `require`; their `.d.ts` types are used as is.
 */
const require = createRequire(import.meta.url);

export const T = require('@databricks/sql/thrift/TCLIService_types') as typeof TCLITypes;
export type { TCLITypes };

/** The parts of the `thrift` runtime the endpoint uses (the package ships no type declarations). */
export interface ThriftInput {
  readMessageBegin(): { fname: string; mtype: number; rseqid: number };
  readMessageEnd(): void;
  readStructBegin(): void;
  readStructEnd(): void;
  readFieldBegin(): { fname: string; ftype: number; fid: number };
  readFieldEnd(): void;
  skip(type: number): void;
}

interface ThriftRuntime {
  TBufferedTransport: new (buffer?: Buffer) => { inBuf: Buffer; writeCursor: number };
  TBinaryProtocol: new (transport: unknown) => ThriftInput;
  Thrift: {
    Type: { STOP: number; STRUCT: number };
    MessageType: { CALL: number; REPLY: number; EXCEPTION: number };
    TApplicationExceptionType: { UNKNOWN_METHOD: number; INTERNAL_ERROR: number; PROTOCOL_ERROR: number };
    TApplicationException: new (type: number, message: string) => { write(output: unknown): void };
  };
}

const thrift = require('thrift') as ThriftRuntime;
export const Thrift = thrift.Thrift;

/** A binary-protocol reader over one complete request body (TBufferedTransport, as the driver sends). */
export function readerFor(body: Buffer): ThriftInput {
  const transport = new thrift.TBufferedTransport();
  transport.inBuf = body;
  transport.writeCursor = body.length;
  return new thrift.TBinaryProtocol(transport);
}

/** node-int64, which the generated structs use for i64 fields. */
export const Int64 = require('node-int64') as new (value: number) => TCLITypes.TRowSet['startRowOffset'] & { toNumber(allowImprecise?: boolean): number };
