import type { RpcContext } from './context';
import { FastWriter } from './fast-writer';
import {
  getCatalogs, getColumns, getCrossReference, getFunctions, getPrimaryKeys, getSchemas, getTables, getTableTypes, getTypeInfo,
} from './handlers-metadata';
import {
  cancelOperation, closeOperation, executeStatement, fetchResults, getOperationStatus, getResultSetMetadata,
} from './handlers-operation';
import { closeSession, getInfo, openSession } from './handlers-session';
import { readerFor, T, Thrift, type ThriftInput } from './tcli';

interface Writable {
  write(output: FastWriter): void;
}
/** Generated structs have `read`/`write` at runtime; their `.d.ts` declares fields only. */
type Readable = { read(input: ThriftInput): void };
type Handler = { readonly req: new () => Readable; run(ctx: RpcContext, req: never): Writable | Promise<Writable> };

const h = <R>(req: new () => R, run: (ctx: RpcContext, req: R) => unknown): Handler => ({ req, run }) as unknown as Handler;

/** TCLIService methods the sandbox serves; anything else gets a TApplicationException UNKNOWN_METHOD. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  OpenSession: h(T.TOpenSessionReq, openSession),
  CloseSession: h(T.TCloseSessionReq, closeSession),
  GetInfo: h(T.TGetInfoReq, getInfo),
  ExecuteStatement: h(T.TExecuteStatementReq, executeStatement),
  GetOperationStatus: h(T.TGetOperationStatusReq, getOperationStatus),
  GetResultSetMetadata: h(T.TGetResultSetMetadataReq, getResultSetMetadata),
  FetchResults: h(T.TFetchResultsReq, fetchResults),
  CancelOperation: h(T.TCancelOperationReq, cancelOperation),
  CloseOperation: h(T.TCloseOperationReq, closeOperation),
  GetCatalogs: h(T.TGetCatalogsReq, getCatalogs),
  GetSchemas: h(T.TGetSchemasReq, getSchemas),
  GetTables: h(T.TGetTablesReq, getTables),
  GetTableTypes: h(T.TGetTableTypesReq, getTableTypes),
  GetColumns: h(T.TGetColumnsReq, getColumns),
  GetFunctions: h(T.TGetFunctionsReq, getFunctions),
  GetTypeInfo: h(T.TGetTypeInfoReq, getTypeInfo),
  GetPrimaryKeys: h(T.TGetPrimaryKeysReq, getPrimaryKeys),
  GetCrossReference: h(T.TGetCrossReferenceReq, getCrossReference),
};

/** Reads `TCLIService_<method>_args { 1: req }`. */
function readArgs(input: ThriftInput, Req: new () => Readable): Readable {
  const req = new Req();
  input.readStructBegin();
  for (;;) {
    const field = input.readFieldBegin();
    if (field.ftype === Thrift.Type.STOP) break;
    if (field.fid === 1 && field.ftype === Thrift.Type.STRUCT) req.read(input);
    else input.skip(field.ftype);
    input.readFieldEnd();
  }
  input.readStructEnd();
  input.readMessageEnd();
  return req;
}

function reply(name: string, seqid: number, type: number, write: (w: FastWriter) => void): Buffer {
  const w = new FastWriter();
  w.writeMessageBegin(name, type, seqid);
  write(w);
  w.writeMessageEnd();
  return w.bytes();
}

function exception(name: string, seqid: number, kind: number, message: string): Buffer {
  return reply(name, seqid, Thrift.MessageType.EXCEPTION, (w) => new Thrift.TApplicationException(kind, message).write(w));
}

/**
 * One Thrift call: a binary-protocol message in, the reply message out (`TCLIService_<method>_result { 0: success }`).
 * Handlers are dispatched by hand (not through the generated Processor) so a handler's failure becomes a
 * TApplicationException instead of a broken response, and big replies go through the fast writer.
 */
export async function dispatch(ctx: RpcContext, body: Buffer): Promise<Buffer> {
  const input = readerFor(body);
  const message = input.readMessageBegin();
  const handler = HANDLERS[message.fname];
  if (!handler) {
    return exception(message.fname, message.rseqid, Thrift.TApplicationExceptionType.UNKNOWN_METHOD, `Unknown function ${message.fname}`);
  }
  let result: Writable;
  try {
    const req = readArgs(input, handler.req);
    result = await handler.run(ctx, req as never);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return exception(message.fname, message.rseqid, Thrift.TApplicationExceptionType.INTERNAL_ERROR, text);
  }
  return reply(message.fname, message.rseqid, Thrift.MessageType.REPLY, (w) => {
    w.writeStructBegin('result');
    w.writeFieldBegin('success', Thrift.Type.STRUCT, 0);
    result.write(w);
    w.writeFieldEnd();
    w.writeFieldStop();
    w.writeStructEnd();
  });
}
