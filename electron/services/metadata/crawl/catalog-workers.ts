import type { Clock } from '../../../ports';
import type { SqlSession } from '../../connection/types';
import { isRetryable, retryAfterOf, retryDelay, retryPolicy, type RetryOptions } from '../../http/retry-policy';

export interface WorkerOptions<T> {
  readonly items: readonly T[];
  /** Statements in flight at once, each on a session of its own (a driver session runs one statement at a time). */
  readonly concurrency: number;
  readonly openSession: () => Promise<SqlSession>;
  /** Must be safe to run again for the same item: a retry follows a failure that may have left partial effects. */
  readonly work: (item: T, session: SqlSession, attempt: number) => Promise<void>;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly retry?: RetryOptions;
  readonly onRetry?: (item: T, attempt: number, error: unknown) => void;
}

/**
 * Runs `work` for each item with bounded concurrency. A transient failure (rate limit, unavailable, dropped
 * connection, timeout: the same rule as apply's) retries the item on a fresh session after a jittered backoff; any
 * other failure stops new work and is rethrown once the running items have settled. Sessions are always closed.
 */
export async function onSessions<T>(o: WorkerOptions<T>): Promise<void> {
  const policy = retryPolicy(o.retry);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    let session: SqlSession | undefined;
    try {
      while (failure === undefined && next < o.items.length && !o.signal.aborted) {
        const item = o.items[next++]!;
        for (let attempt = 1; ; attempt++) {
          session ??= await o.openSession();
          try {
            await o.work(item, session, attempt);
            break;
          } catch (e) {
            const delay = retryDelay(attempt, retryAfterOf(e), policy, o.retry?.random);
            if (o.signal.aborted || !isRetryable(e) || delay === undefined) throw e;
            o.onRetry?.(item, attempt, e);
            // The session may be the casualty (a reset connection): the retry gets a new one.
            await session.close().catch(() => undefined);
            session = undefined;
            await o.clock.sleep(delay, o.signal);
          }
        }
      }
    } catch (e) {
      failure ??= { error: e };
    } finally {
      await session?.close().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, o.items.length)) }, worker));
  if (failure) throw failure.error;
}
