import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';
import type { StepExecutor } from './run-plan-types';
import { createSessionPool } from './session-pool';

export interface SqlStepExecutorOptions {
  /** Opens a session on the plan's warehouse (`connection.sql(httpPath)`). */
  readonly openSession: () => Promise<SqlSession>;
  /**
   * Sessions kept open at most (default 4, one per concurrent step). Against the sandbox one session and four
   * sessions run four concurrent statements equally fast (the driver does not serialise a session's
   * statements); separate sessions keep a dropped connection from failing every in-flight step at once.
   */
  readonly maxSessions?: number;
  /** Server-side limit per statement (default 300 s): a hung DDL fails as TIMEOUT and is retried, not waited on forever. */
  readonly queryTimeoutSeconds?: number;
}

export interface SqlStepExecutor {
  readonly run: StepExecutor;
  /** Closes the pool's sessions (after the run). */
  close(): Promise<void>;
  /** Sessions opened so far. */
  readonly sessionsOpened: number;
}

/** A session the connection layer says is gone (reset socket, closed session, a handle the server forgot). */
function droppedConnection(e: unknown): boolean {
  if (!(e instanceof AppFailure)) return false;
  const { code, message } = e.error;
  if (code === 'NETWORK' || code === 'TIMEOUT' || code === 'NOT_CONNECTED') return true;
  return code === 'SQL_ERROR' && /invalid\s+session|session\s*handle|session\s+(?:is\s+)?(?:closed|expired|not found)/i.test(message);
}

/**
 * Runs each step's statement on a pooled SQL session. When the connection drops mid-statement the session is
 * discarded and the failure surfaces as NETWORK, which runPlan retries: the retry borrows (or opens) a healthy
 * session. That is safe because every plan statement is idempotent (IF NOT EXISTS, GRANT, …). A closed session
 * from a disconnect surfaces the same way, but reopening then fails NOT_CONNECTED, which is not retried.
 */
export function createSqlStepExecutor(o: SqlStepExecutorOptions): SqlStepExecutor {
  const pool = createSessionPool(o.openSession, o.maxSessions ?? 4);
  const queryTimeoutSeconds = o.queryTimeoutSeconds ?? 300;
  return {
    async run(step: PlanStep, signal: AbortSignal) {
      const session = await pool.acquire(signal);
      try {
        await session.execute(step.sql, { signal, queryTimeoutSeconds });
      } catch (e) {
        if (!signal.aborted && droppedConnection(e)) {
          pool.discard(session);
          const detail = e instanceof AppFailure ? e.error.message : '';
          throw new AppFailure({ code: 'NETWORK', message: `The SQL connection dropped. ${detail}`.trim(), hint: 'Check your network; apply again to resume.' });
        }
        pool.release(session);
        throw e;
      }
      pool.release(session);
    },
    close: () => pool.close(),
    get sessionsOpened() {
      return pool.opened;
    },
  };
}
