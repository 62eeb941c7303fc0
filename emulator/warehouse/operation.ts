import { randomUUID } from 'node:crypto';
import { UcError, ucErrors } from '../catalog/errors';
import { newCancellation, type Execution, type SqlSession } from '../sql/engine/session';
import { ArrowEncoder } from './encode-arrow';
import { Pager } from './page';
import type { TCLITypes } from './tcli';
import { wireTypeOf, type WireType } from './type-map';

export type OperationState = 'RUNNING' | 'FINISHED' | 'ERROR' | 'CANCELED' | 'CLOSED';
export type ResultFormat = 'arrow' | 'columns';

/** Handle GUIDs must be RFC 4122 bytes: the driver stringifies them with `uuid` (reference §3.1). */
export const uuidBytes = (): Buffer => Buffer.from(randomUUID().replaceAll('-', ''), 'hex');

/**
 * One statement or metadata call: runs asynchronously, then serves its result page by page. Its state is what
 * GetOperationStatus reports; errors keep their Databricks class and SQLSTATE.
 */
export class Operation {
  readonly guid = uuidBytes();
  readonly secret = uuidBytes();
  readonly statementId = randomUUID();
  readonly cancellation = newCancellation();
  readonly startedAt = Date.now();
  completedAt: number | null = null;
  state: OperationState = 'RUNNING';
  error: UcError | null = null;
  execution: Execution | null = null;
  pager: Pager | null = null;
  wire: readonly WireType[] = [];
  arrow: ArrowEncoder | null = null;
  rowsProduced = 0;
  /** The page being built ahead of the next FetchResults. */
  prefetched: { readonly maxRows: number; readonly page: Promise<TCLITypes.TFetchResultsResp> } | null = null;
  readonly settled: Promise<void>;

  constructor(
    readonly session: SqlSession,
    readonly operationType: number,
    readonly statementText: string,
    readonly format: ResultFormat,
    run: (op: Operation) => Promise<Execution>,
  ) {
    this.settled = (async () => {
      try {
        const execution = await run(this);
        if (this.state !== 'RUNNING') {
          execution.source.close();
          return;
        }
        this.execution = execution;
        this.pager = new Pager(execution.source);
        this.wire = execution.source.columns.map((c) => wireTypeOf(c.type));
        if (format === 'arrow') this.arrow = new ArrowEncoder(execution.source.columns.map((c) => c.name), this.wire);
        this.state = 'FINISHED';
      } catch (error) {
        if (this.state !== 'RUNNING') return;
        this.error = error instanceof UcError ? error : ucErrors.internal(error instanceof Error ? error.message : String(error));
        this.state = this.cancellation.cancelled ? 'CANCELED' : 'ERROR';
      } finally {
        this.completedAt = Date.now();
      }
    })();
  }

  get key(): string {
    return this.guid.toString('hex');
  }

  cancel(): void {
    if (this.state === 'CLOSED') return;
    this.cancellation.cancelled = true;
    for (const c of this.cancellation.running) c.interrupt();
    if (this.state === 'RUNNING' || this.state === 'FINISHED') this.state = 'CANCELED';
    this.pager?.close();
  }

  close(): void {
    this.pager?.close();
    this.state = 'CLOSED';
  }
}
