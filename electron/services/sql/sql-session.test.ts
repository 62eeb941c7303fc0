import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../test/failure-of';
import { createLogger } from '../../logging/logger';
import { DEFAULT_RETRY_POLICY } from '../http/retry-policy';
import { wrapSqlSession } from './sql-session';

/**
 * The driver's ExecuteStatement call cannot be aborted once sent. A cancel that lands while it is in flight must
 * still reach the warehouse (CancelOperation) and end the caller's wait, instead of fetching the whole result first.
 */
function fakeDriver(onExecute: () => Promise<void>, onFetch: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  const op = {
    cancel: async () => void calls.push('cancel'),
    close: async () => void calls.push('close'),
    fetchAll: async () => {
      calls.push('fetchAll');
      await onFetch();
      return [{ n: 1 }];
    },
  };
  const session = {
    executeStatement: async () => {
      calls.push('execute');
      await onExecute();
      return op;
    },
    close: async () => undefined,
  } as unknown as IDBSQLSession;
  return { calls, session };
}

const wrap = (session: IDBSQLSession) =>
  wrapSqlSession({
    session,
    httpPath: '/sql/1.0/warehouses/w',
    host: 'example.cloud.databricks.com',
    logger: createLogger({ sinks: [] }),
    retryOnUnauthorized: (work) => work(),
    retry: { policy: DEFAULT_RETRY_POLICY, clock: { now: () => 0, sleep: async () => undefined } },
    onClose: () => undefined,
  });

describe('cancelling a statement', () => {
  it('cancels it on the warehouse and stops when the cancel came while ExecuteStatement was in flight', async () => {
    const controller = new AbortController();
    const { calls, session } = fakeDriver(async () => controller.abort());
    const error = await failureOf(wrap(session).execute('SELECT 1', { signal: controller.signal, retry: false }));
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(calls).toEqual(['execute', 'cancel', 'close']);
  });

  it('cancels a statement being fetched when the signal aborts', async () => {
    const controller = new AbortController();
    const { calls, session } = fakeDriver(async () => undefined, async () => controller.abort());
    const error = await failureOf(wrap(session).execute('SELECT 1', { signal: controller.signal, retry: false }));
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(calls).toEqual(['execute', 'fetchAll', 'cancel', 'close']);
  });

  it('fetches the rows when nothing is cancelled', async () => {
    const { calls, session } = fakeDriver(async () => undefined);
    expect(await wrap(session).execute('SELECT 1', { retry: false })).toEqual([{ n: 1 }]);
    expect(calls).toEqual(['execute', 'fetchAll', 'close']);
  });
});
