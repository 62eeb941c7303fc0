import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import type IOperation from '@databricks/sql/dist/contracts/IOperation';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { SqlExecuteOptions, SqlRow, SqlSession, SqlStreamOptions } from '../connection/types';
import { withRetry, type RetryPolicy } from '../http/retry-policy';
import { sqlFailure } from './sql-errors';

const cancelled = () => new AppFailure({ code: 'CANCELLED', message: 'The statement was cancelled.' });

/**
 * One driver session behind the connection API. Aborting a signal cancels the statement on the warehouse
 * (CancelOperation) as well as the caller's wait.
 *
 * A statement that fails for a transient reason (429/503 after the driver's own retries, a dropped connection, a
 * timeout) runs again from the start, with the shared retry policy: every statement ucbridge runs is read-only or
 * idempotent (product rule), so running it twice is safe. Reads — observation, validation, SHOW GRANTS — get this
 * by default; the apply engine passes `retry: false` because it retries whole steps itself and reports each retry.
 * A stream retries its start only: once rows have been handed out, running the query again would repeat them, and
 * a failed page fetch cannot be repeated either (the driver's ResultSlicer drops the rows it had gathered for that
 * chunk when a FetchResults call fails), so a crawl retries its own unit of work.
 */
export function wrapSqlSession(deps: {
  readonly session: IDBSQLSession;
  readonly httpPath: string;
  readonly host: string;
  readonly logger: Logger;
  /** Runs a driver call, renewing the token once if the warehouse refuses it (401, 403, 400 ExpiredJwtException). */
  readonly retryOnUnauthorized: <T>(work: () => Promise<T>) => Promise<T>;
  readonly retry: { readonly policy: RetryPolicy; readonly clock: Clock; readonly random?: () => number };
  readonly onClose: () => void;
}): SqlSession {
  const { session, host, logger } = deps;
  let closed: Promise<void> | undefined;

  /** `work` again after a transient failure, unless the caller opted out; a cancel during the wait is CANCELLED. */
  async function retried<T>(options: SqlExecuteOptions | undefined, work: () => Promise<T>): Promise<T> {
    if (options?.retry === false) return work();
    const { policy, clock, random } = deps.retry;
    try {
      return await withRetry(policy, clock, options?.signal, work, (n, e) => logger.info('a SQL statement failed; running it again', { attempt: n, error: e }), random);
    } catch (e) {
      throw options?.signal?.aborted ? cancelled() : e;
    }
  }

  async function start(sql: string, options: SqlExecuteOptions | undefined, pageRows?: number): Promise<{ op: IOperation; detach: () => void }> {
    if (closed) throw new AppFailure({ code: 'NOT_CONNECTED', message: 'This SQL session is closed.' });
    if (options?.signal?.aborted) throw cancelled();
    const op = await deps
      .retryOnUnauthorized(() =>
        // When streaming, the warehouse pages too (`maxRows` caps direct results), so no result sits whole in memory.
        session.executeStatement(sql, { ...(options?.queryTimeoutSeconds ? { queryTimeout: options.queryTimeoutSeconds } : {}), ...(pageRows ? { maxRows: pageRows } : {}) }),
      )
      .catch((e: unknown) => Promise.reject(sqlFailure(e, host)));
    const onAbort = () => void op.cancel().catch((e: unknown) => logger.debug('cancel failed', { error: e }));
    // Cancelled while the warehouse was accepting the statement: an abort listener added now would never fire, so the
    // statement would run (and be fetched) to the end. Cancel it on the warehouse and stop here.
    if (options?.signal?.aborted) {
      onAbort();
      await op.close().catch(() => undefined);
      throw cancelled();
    }
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    return { op, detach: () => options?.signal?.removeEventListener('abort', onAbort) };
  }

  const guard = async <T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> => {
    try {
      const value = await work;
      if (signal?.aborted) throw cancelled();
      return value;
    } catch (e) {
      throw signal?.aborted ? cancelled() : sqlFailure(e, host);
    }
  };

  return {
    httpPath: deps.httpPath,
    execute(sql, options) {
      return retried(options, async () => {
        const { op, detach } = await start(sql, options);
        try {
          return (await guard(options?.signal, op.fetchAll())) as readonly SqlRow[];
        } finally {
          detach();
          await op.close().catch(() => undefined);
        }
      });
    },
    async *stream(sql: string, options?: SqlStreamOptions) {
      const maxRows = options?.batchSize ?? 10_000;
      const { op, detach } = await retried(options, () => start(sql, options, maxRows));
      try {
        for (;;) {
          const rows = (await guard(options?.signal, op.fetchChunk({ maxRows }))) as readonly SqlRow[];
          if (rows.length > 0) yield rows;
          if (!(await guard(options?.signal, op.hasMoreRows()))) break;
        }
      } finally {
        detach();
        await op.close().catch(() => undefined);
      }
    },
    close() {
      closed ??= session.close().then(
        () => deps.onClose(),
        (e: unknown) => {
          logger.debug('closing a SQL session failed', { error: e });
          deps.onClose();
        },
      );
      return closed;
    },
  };
}
