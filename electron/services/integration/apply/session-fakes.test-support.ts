import type { AppFailure } from '../../../../shared/result';
import type { SqlExecuteOptions, SqlSession } from '../../connection/types';

/** One fake session as the tests see it: its target, whether it was closed, what it ran and with which options. */
export interface FakeSessionRecord {
  readonly id: number;
  readonly target: string;
  closed: boolean;
  readonly ran: string[];
  readonly options: (SqlExecuteOptions | undefined)[];
}

/**
 * Fake SQL sessions for the pool and executor tests: `execute` waits until the test settles it (`pending`), or
 * throws what `failWith` queued; `openFails` makes the next `open` calls reject (the warehouse unreachable), and
 * `holdOpens` makes them wait until the test settles them (`opening`).
 */
export function fakeSessions() {
  const opened: FakeSessionRecord[] = [];
  const pending: (() => void)[] = [];
  const opening: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const state = { failNext: undefined as unknown, openFails: 0, holdOpens: false };
  const open = async (target = 'main'): Promise<SqlSession> => {
    if (state.holdOpens) await new Promise<void>((resolve, reject) => opening.push({ resolve, reject }));
    if (state.openFails > 0) {
      state.openFails--;
      throw new Error('connect ECONNREFUSED 127.0.0.1:443');
    }
    const me: FakeSessionRecord = { id: opened.length, target, closed: false, ran: [], options: [] };
    opened.push(me);
    return {
      httpPath: '/sql/1.0/warehouses/abc',
      execute: async (sql, options) => {
        me.ran.push(sql);
        me.options.push(options);
        const failure = state.failNext;
        state.failNext = undefined;
        if (failure !== undefined) throw failure;
        await new Promise<void>((r) => pending.push(r));
        return [];
      },
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }),
      close: async () => void (me.closed = true),
    };
  };
  return {
    opened,
    pending,
    opening,
    open,
    state,
    failWith: (e: AppFailure | Error) => void (state.failNext = e),
  };
}
