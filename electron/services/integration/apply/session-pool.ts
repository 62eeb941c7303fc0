import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';

/**
 * Up to `max` SQL sessions shared by the apply's workers: a worker borrows one per statement and gives it back,
 * or discards it when its connection dropped (the next borrower then opens a fresh one). Sessions are opened
 * lazily, so a plan with one runnable step opens one session.
 */
export interface SessionPool {
  acquire(signal?: AbortSignal): Promise<SqlSession>;
  release(session: SqlSession): void;
  /** The session is unusable: close it quietly and forget it. */
  discard(session: SqlSession): void;
  close(): Promise<void>;
  /** Sessions opened so far (how often a dropped connection made the pool reconnect, plus the first ones). */
  readonly opened: number;
}

export function createSessionPool(open: () => Promise<SqlSession>, max: number): SessionPool {
  const idle: SqlSession[] = [];
  const waiters: { resolve: (s: SqlSession | undefined) => void }[] = [];
  let live = 0; // open or being opened
  let opened = 0;
  let closed = false;
  const quietly = (s: SqlSession): void => void s.close().catch(() => undefined);

  async function openOne(): Promise<SqlSession> {
    live++;
    try {
      const s = await open();
      opened++;
      return s;
    } catch (e) {
      live--;
      wake();
      throw e;
    }
  }

  /** A slot came free: hand an idle session to the first waiter, or let it open one (resolve undefined). */
  function wake(): void {
    const w = waiters.shift();
    if (w) w.resolve(idle.pop());
  }

  return {
    get opened() {
      return opened;
    },
    async acquire(signal) {
      if (closed) throw new AppFailure({ code: 'CANCELLED', message: 'The apply has ended.' });
      const s = idle.pop();
      if (s) return s;
      if (live < Math.max(1, max)) return openOne();
      const handed = await new Promise<SqlSession | undefined>((resolve, reject) => {
        const onAbort = (): void => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' }));
        };
        const w = {
          resolve: (got: SqlSession | undefined) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(got);
          },
        };
        waiters.push(w);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      if (closed) {
        if (handed) quietly(handed);
        throw new AppFailure({ code: 'CANCELLED', message: 'The apply has ended.' });
      }
      return handed ?? openOne();
    },
    release(s) {
      if (closed) return quietly(s);
      idle.push(s);
      wake();
    },
    discard(s) {
      live--;
      quietly(s);
      wake();
    },
    async close() {
      closed = true;
      for (const w of waiters.splice(0)) w.resolve(undefined);
      await Promise.all(idle.splice(0).map((s) => s.close().catch(() => undefined)));
    },
  };
}
