import { ucErrors } from '../catalog/errors';
import { executeSql } from '../sql/engine/execute';
import type { BoundParameters, Execution } from '../sql/engine/session';
import { parameterSql } from '../sql/rewrite/literals';
import { RESULT_FORMAT_CONF, type RpcContext } from './context';
import { Operation, type ResultFormat } from './operation';
import { fetchPage, invalidHandle, ok, operationStatus, resultSetMetadata } from './responses';
import type { SessionEntry } from './sessions';
import { logFinish, logSubmit } from './statement-log';
import { T, type TCLITypes } from './tcli';

type Handle = TCLITypes.TOperationHandle;

export function handleOf(op: Operation): Handle {
  return new T.TOperationHandle({
    operationId: new T.THandleIdentifier({ guid: op.guid, secret: op.secret }),
    operationType: op.operationType,
    hasResultSet: true,
  });
}

function formatFor(ctx: RpcContext, entry: SessionEntry, canReadArrow: boolean | undefined): ResultFormat {
  const asked = entry.configuration[RESULT_FORMAT_CONF];
  if (asked === 'columns' || canReadArrow === false) return 'columns';
  return asked === 'arrow' ? 'arrow' : ctx.defaultFormat;
}

/** Starts an operation in a session and logs it as a statement. */
export function startOperation(
  ctx: RpcContext,
  entry: SessionEntry,
  type: number,
  text: string,
  canReadArrow: boolean | undefined,
  run: (op: Operation) => Promise<Execution>,
): Operation {
  const op = new Operation(entry.session, type, text, formatFor(ctx, entry, canReadArrow), run);
  entry.operations.set(op.key, op);
  logSubmit(ctx, op);
  void op.settled.then(() => logFinish(ctx, op));
  return op;
}

/**
 * Direct results, as a warehouse returns them: status, metadata and the first page in the ExecuteStatement
 * reply; when that page is everything, the operation is closed server-side too, so the driver sends neither
 * FetchResults nor CloseOperation (reference §1, "RPC sequences").
 */
export async function directResults(entry: SessionEntry, op: Operation, maxRows: number): Promise<TCLITypes.TSparkDirectResults> {
  await op.settled;
  const status = operationStatus(op);
  if (op.state !== 'FINISHED') {
    entry.operations.delete(op.key);
    return new T.TSparkDirectResults({ operationStatus: status, closeOperation: new T.TCloseOperationResp({ status: ok() }) });
  }
  const direct = new T.TSparkDirectResults({ operationStatus: status, resultSetMetadata: resultSetMetadata(op) });
  // Assigned, not passed to the constructor: generated constructors copy nested structs field by field, which
  // would drop a pre-encoded row set.
  direct.resultSet = await fetchPage(op, maxRows);
  if (direct.resultSet.hasMoreRows) return direct;
  op.close();
  entry.operations.delete(op.key);
  direct.closeOperation = new T.TCloseOperationResp({ status: ok() });
  return direct;
}

function bind(parameters: readonly TCLITypes.TSparkParameter[] | undefined): BoundParameters {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const p of parameters ?? []) {
    const sql = parameterSql(p.type, p.value?.stringValue ?? (p.value?.doubleValue !== undefined ? String(p.value.doubleValue) : p.value?.booleanValue !== undefined ? String(p.value.booleanValue) : undefined));
    if (p.name) named.set(p.name.toLowerCase(), sql);
    else positional[(p.ordinal ?? positional.length + 1) - 1] = sql;
  }
  return { positional, named };
}

export async function executeStatement(ctx: RpcContext, req: TCLITypes.TExecuteStatementReq): Promise<TCLITypes.TExecuteStatementResp> {
  const entry = ctx.sessions.get(req.sessionHandle?.sessionId?.guid, ctx.caller);
  if (!entry) return new T.TExecuteStatementResp({ status: invalidHandle('session') });
  const params = bind(req.parameters);
  const op = startOperation(ctx, entry, T.TOperationType.EXECUTE_STATEMENT, req.statement, req.canReadArrowResult, (o) =>
    executeSql(ctx.uc, entry.session, req.statement, o.statementId, params, o.cancellation),
  );
  const resp = new T.TExecuteStatementResp({ status: ok(), operationHandle: handleOf(op) });
  if (req.getDirectResults) resp.directResults = await directResults(entry, op, req.getDirectResults.maxRows.toNumber(true));
  return resp;
}

function lookup(ctx: RpcContext, handle: Handle | undefined) {
  return ctx.sessions.operation(handle?.operationId?.guid, ctx.caller);
}

export function getOperationStatus(ctx: RpcContext, req: TCLITypes.TGetOperationStatusReq): TCLITypes.TGetOperationStatusResp {
  const found = lookup(ctx, req.operationHandle);
  return found ? operationStatus(found.op) : new T.TGetOperationStatusResp({ status: invalidHandle('operation') });
}

export async function getResultSetMetadata(ctx: RpcContext, req: TCLITypes.TGetResultSetMetadataReq): Promise<TCLITypes.TGetResultSetMetadataResp> {
  const found = lookup(ctx, req.operationHandle);
  if (!found) return new T.TGetResultSetMetadataResp({ status: invalidHandle('operation') });
  await found.op.settled;
  return resultSetMetadata(found.op);
}

export async function fetchResults(ctx: RpcContext, req: TCLITypes.TFetchResultsReq): Promise<TCLITypes.TFetchResultsResp> {
  const found = lookup(ctx, req.operationHandle);
  if (!found) return new T.TFetchResultsResp({ status: invalidHandle('operation') });
  const { op } = found;
  await op.settled;
  if (op.state !== 'FINISHED' || !op.pager) {
    const error = op.error ?? ucErrors.invalidState(`The operation is ${op.state.toLowerCase()}.`);
    return new T.TFetchResultsResp({ status: new T.TStatus({ statusCode: T.TStatusCode.ERROR_STATUS, sqlState: error.sqlState, errorMessage: error.displayMessage, displayMessage: error.displayMessage }) });
  }
  // FETCH_FIRST only rewinds a cursor that has not moved yet (the driver's first fetch uses it, reference §3.6).
  if (req.orientation === T.TFetchOrientation.FETCH_FIRST && op.pager.offset > 0) {
    const error = ucErrors.unsupported('scrolling back to the first row of a streamed result');
    return new T.TFetchResultsResp({ status: new T.TStatus({ statusCode: T.TStatusCode.ERROR_STATUS, errorMessage: error.displayMessage, displayMessage: error.displayMessage }) });
  }
  return fetchPage(op, req.maxRows.toNumber(true));
}

export function cancelOperation(ctx: RpcContext, req: TCLITypes.TCancelOperationReq): TCLITypes.TCancelOperationResp {
  const found = lookup(ctx, req.operationHandle);
  if (!found) return new T.TCancelOperationResp({ status: invalidHandle('operation') });
  found.op.cancel();
  return new T.TCancelOperationResp({ status: ok() });
}

export function closeOperation(ctx: RpcContext, req: TCLITypes.TCloseOperationReq): TCLITypes.TCloseOperationResp {
  const found = lookup(ctx, req.operationHandle);
  if (!found) return new T.TCloseOperationResp({ status: invalidHandle('operation') });
  found.op.close();
  found.entry.operations.delete(found.op.key);
  return new T.TCloseOperationResp({ status: ok() });
}
