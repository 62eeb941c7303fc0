import type { UcError } from '../catalog/errors';
import { encodeColumnRowSet } from './encode-columns';
import type { Operation } from './operation';
import { Int64, T, type TCLITypes } from './tcli';
import { typeDescOf } from './type-map';

export const ok = (): TCLITypes.TStatus => new T.TStatus({ statusCode: T.TStatusCode.SUCCESS_STATUS });

/** The driver shows `displayMessage`; `errorMessage` is what its StatusError form keeps (reference §1, §6.3). */
export function errorStatus(error: UcError, code: TCLITypes.TStatusCode = T.TStatusCode.ERROR_STATUS): TCLITypes.TStatus {
  return new T.TStatus({
    statusCode: code,
    sqlState: error.sqlState,
    errorCode: 0,
    errorMessage: error.displayMessage,
    displayMessage: error.displayMessage,
    errorDetailsJson: JSON.stringify({ errorClass: error.errorClass, sqlState: error.sqlState, messageParameters: {} }),
  });
}

export const invalidHandle = (what: string): TCLITypes.TStatus =>
  new T.TStatus({ statusCode: T.TStatusCode.INVALID_HANDLE_STATUS, errorMessage: `Invalid ${what} handle`, displayMessage: `Invalid ${what} handle` });

const STATES: Readonly<Record<Operation['state'], TCLITypes.TOperationState>> = {
  RUNNING: T.TOperationState.RUNNING_STATE,
  FINISHED: T.TOperationState.FINISHED_STATE,
  ERROR: T.TOperationState.ERROR_STATE,
  CANCELED: T.TOperationState.CANCELED_STATE,
  CLOSED: T.TOperationState.CLOSED_STATE,
};

/** `hasResultSet` is always true, even for a failing query, or the driver never polls the error (§3.2). */
export function operationStatus(op: Operation): TCLITypes.TGetOperationStatusResp {
  const resp = new T.TGetOperationStatusResp({
    status: ok(),
    operationState: STATES[op.state],
    hasResultSet: true,
    operationStarted: new Int64(op.startedAt),
    ...(op.completedAt === null ? {} : { operationCompleted: new Int64(op.completedAt) }),
    ...(op.execution?.modifiedRows == null ? {} : { numModifiedRows: new Int64(op.execution.modifiedRows) }),
  });
  if (op.error) {
    resp.sqlState = op.error.sqlState;
    resp.errorCode = 0;
    resp.errorMessage = op.error.displayMessage;
    resp.displayMessage = op.error.displayMessage;
    resp.errorDetailsJson = JSON.stringify({ errorClass: op.error.errorClass, sqlState: op.error.sqlState });
  }
  return resp;
}

export function resultSetMetadata(op: Operation): TCLITypes.TGetResultSetMetadataResp {
  const columns = (op.execution?.source.columns ?? []).map(
    (c, i) => new T.TColumnDesc({ columnName: c.name, typeDesc: typeDescOf(op.wire[i]!), position: i + 1 }),
  );
  return new T.TGetResultSetMetadataResp({
    status: ok(),
    schema: new T.TTableSchema({ columns }),
    resultFormat: op.arrow ? T.TSparkRowSetType.ARROW_BASED_SET : T.TSparkRowSetType.COLUMN_BASED_SET,
    lz4Compressed: false,
    ...(op.arrow ? { arrowSchema: op.arrow.schemaBytes } : {}),
    isStagingOperation: false,
  });
}

/** The next page of rows, in the operation's format. */
async function buildPage(op: Operation, maxRows: number): Promise<TCLITypes.TFetchResultsResp> {
  const pager = op.pager!;
  const start = pager.offset;
  const { page, hasMore } = await pager.next(Math.max(1, maxRows));
  op.rowsProduced += page.rowCount;
  const resp = new T.TFetchResultsResp({ status: ok(), hasMoreRows: hasMore });
  if (op.arrow) {
    const batches = page.rowCount === 0 ? [] : [new T.TSparkArrowBatch({ batch: op.arrow.encode(page), rowCount: new Int64(page.rowCount) })];
    resp.results = new T.TRowSet({ startRowOffset: new Int64(start), rows: [], arrowBatches: batches });
  } else {
    // Pre-encoded bytes stand in for the TRowSet struct; its generated write() is bypassed on purpose (§3.12).
    resp.results = encodeColumnRowSet(op.wire, page, start) as unknown as TCLITypes.TRowSet;
  }
  return resp;
}

/**
 * The next page. While the client decodes one page the server already builds the next (same size), so the two
 * processes work in parallel instead of taking turns.
 */
export async function fetchPage(op: Operation, maxRows: number): Promise<TCLITypes.TFetchResultsResp> {
  const ahead = op.prefetched;
  op.prefetched = null;
  // The driver asks for the same page size every time; a page built ahead is served as it is.
  const resp = ahead !== null ? await ahead.page : await buildPage(op, maxRows);
  if (resp.hasMoreRows && op.state === 'FINISHED') {
    const page = new Promise<TCLITypes.TFetchResultsResp>((resolve, reject) => setImmediate(() => buildPage(op, maxRows).then(resolve, reject)));
    page.catch(() => undefined);
    op.prefetched = { maxRows, page };
  }
  return resp;
}
