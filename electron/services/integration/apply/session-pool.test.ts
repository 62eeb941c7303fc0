import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';
import { step, tick } from './apply.test-support';
import { createSessionPool } from './session-pool';
import { createSqlStepExecutor } from './sql-step-executor';

/** Fake sessions: `execute` waits for the test to settle it, or fails as told. */
function fakeSessions() {
  const opened: { id: number; target: string; closed: boolean; ran: string[] }[] = [];
  const pending: (() => void)[] = [];
  let failNext: AppFailure | undefined;
  const open = async (target = 'main'): Promise<SqlSession> => {
    const me = { id: opened.length, target, closed: false, ran: [] as string[] };
    opened.push(me);
    return {
      httpPath: '/sql/1.0/warehouses/abc',
      execute: async (sql) => {
        me.ran.push(sql);
        const failure = failNext;
        failNext = undefined;
        if (failure) throw failure;
        await new Promise<void>((r) => pending.push(r));
        return [];
      },
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }),
      close: async () => void (me.closed = true),
    };
  };
  return { opened, pending, open, failWith: (e: AppFailure) => void (failNext = e) };
}

describe('session pool and SQL step executor', () => {
  it('opens sessions lazily, never more than the maximum, and reuses released ones', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 2);
    const a = await pool.acquire();
    const b = await pool.acquire();
    let third: SqlSession | undefined;
    void pool.acquire().then((s) => (third = s));
    await tick();
    expect(f.opened).toHaveLength(2);
    expect(third).toBeUndefined();
    pool.release(a);
    await tick();
    expect(third).toBe(a);
    // A discarded session frees its slot: the next borrower gets a fresh one.
    pool.discard(b);
    expect(f.opened[1]!.closed).toBe(true);
    await pool.acquire();
    expect(f.opened).toHaveLength(3);
  });

  it('discards a session whose connection dropped and reports NETWORK so runPlan retries on a fresh one', async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target), maxSessions: 2 });
    f.failWith(new AppFailure({ code: 'NETWORK', message: 'The connection to 127.0.0.1 dropped before it answered.' }));
    await expect(executor.run(step('a'), new AbortController().signal)).rejects.toMatchObject({ error: { code: 'NETWORK', message: 'The connection to 127.0.0.1 dropped before it answered.' } });
    expect(f.opened[0]!.closed).toBe(true);
    const retry = executor.run(step('a'), new AbortController().signal);
    await tick();
    f.pending.shift()!();
    await retry;
    expect(f.opened).toHaveLength(2);
    expect(executor.sessionsOpened).toBe(2);
  });

  it('keeps the session after a statement the warehouse refused (nothing wrong with the connection)', async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
    f.failWith(new AppFailure({ code: 'SQL_ERROR', message: '[PARSE_SYNTAX_ERROR] SQLSTATE: 42601' }));
    await expect(executor.run(step('a'), new AbortController().signal)).rejects.toMatchObject({ error: { code: 'SQL_ERROR' } });
    const next = executor.run(step('b'), new AbortController().signal);
    await tick();
    f.pending.shift()!();
    await next;
    expect(f.opened).toHaveLength(1);
    expect(f.opened[0]!.closed).toBe(false);
  });

  it('runs each step on a session of its own target', async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
    const other: PlanStep = { ...step('b'), target: 'https://workspace-b.cloud.databricks.com' };
    const runs = [executor.run(step('a'), new AbortController().signal), executor.run(other, new AbortController().signal)];
    await tick();
    for (const settle of f.pending.splice(0)) settle();
    await Promise.all(runs);
    expect(f.opened.map((s) => [s.target, s.ran])).toEqual([
      ['main', ["SELECT 'a'"]],
      ['https://workspace-b.cloud.databricks.com', ["SELECT 'b'"]],
    ]);
    await executor.close();
    expect(f.opened.every((s) => s.closed)).toBe(true);
  });
});
