import type { DBSQLClient } from '@databricks/sql';
import type { HttpTransactionDetails } from '@databricks/sql/dist/connection/contracts/IConnectionProvider';
import type IRetryPolicy from '@databricks/sql/dist/connection/contracts/IRetryPolicy';
import type { ShouldRetryResult } from '@databricks/sql/dist/connection/contracts/IRetryPolicy';
import type { Clock, Logger } from '../../ports';
import { isDroppedConnection } from '../http/http-errors';
import { isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from '../http/retry-policy';

/**
 * The driver's own retries, on the app's retry policy. `@databricks/sql` retries only the Thrift calls that are
 * safe to repeat (its ThriftHttpConnection `retryableThriftMethods`: GetOperationStatus, CloseOperation,
 * CloseSession, CancelOperation, GetResultSetMetadata, the metadata calls), but its HttpRetryPolicy reads
 * `Retry-After` as milliseconds compared with a millisecond floor (`Math.max(retryDelayMin, Number(header))`), so a
 * warehouse's "wait 1 s" becomes 200 ms, and it bounds retries by its own clock. This policy keeps the driver's
 * choice of which calls to retry and decides how: 429/503 honouring Retry-After (seconds or HTTP date, capped), and
 * a dropped connection (a reset), with the shared backoff and attempts, waiting on the app's clock. A call that is
 * still refused after the last attempt returns its last response, so the driver reports the real status
 * (THTTPException with `statusCode`) rather than "Max retry count exceeded".
 */
export function createDriverRetryPolicy(o: {
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random?: () => number;
  /** The connection's end (disconnect): from then on each call is tried once, so closing never waits out a 429. */
  readonly signal?: AbortSignal;
}): IRetryPolicy<HttpTransactionDetails> {
  const random = o.random ?? Math.random;
  let attempt = 0;
  const ended = (): boolean => o.signal?.aborted === true;
  const delayFor = (details: HttpTransactionDetails): number | undefined =>
    !ended() && isRetryableStatus(details.response.status) ? retryDelay(attempt, parseRetryAfter(details.response.headers.get('retry-after'), o.clock.now()), o.policy, random) : undefined;
  /** Waits; false when the connection ended meanwhile. */
  const pause = (ms: number): Promise<boolean> => o.clock.sleep(ms, o.signal).then(() => true, () => false);
  return {
    async shouldRetry(details): Promise<ShouldRetryResult> {
      attempt++;
      const wait = delayFor(details);
      return wait === undefined ? { shouldRetry: false } : { shouldRetry: true, retryAfter: wait };
    },
    async invokeWithRetry(operation) {
      for (;;) {
        attempt++;
        let details: HttpTransactionDetails;
        try {
          details = await operation();
        } catch (e) {
          const wait = !ended() && isDroppedConnection(e) ? retryDelay(attempt, undefined, o.policy, random) : undefined;
          if (wait === undefined) throw e;
          o.logger.info('a SQL warehouse call lost its connection; retrying', { waitMs: wait, attempt });
          if (!(await pause(wait))) throw e;
          continue;
        }
        const wait = delayFor(details);
        if (wait === undefined) return details;
        o.logger.info('the SQL warehouse asked to retry a call', { status: details.response.status, waitMs: wait, attempt });
        if (!(await pause(wait))) return details;
      }
    },
  };
}

/**
 * Puts the policy above under a connected client. The driver asks its connection provider for a policy on every
 * request (`HttpConnection.getRetryPolicy()`, read through `this` at call time), so replacing that method on the
 * provider instance is enough; if a later driver moves it, its own policy stays in place and the log says so.
 */
export async function installDriverRetryPolicy(client: DBSQLClient, make: () => IRetryPolicy<HttpTransactionDetails>, logger: Logger): Promise<void> {
  const provider = await client.getConnectionProvider();
  if (typeof provider.getRetryPolicy !== 'function') {
    logger.warn('the SQL driver has no retry-policy hook; its own retries stay in place');
    return;
  }
  provider.getRetryPolicy = async () => make();
}
