import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure, type ErrorCode } from '../../../../shared/result';
import { step, tick } from './apply.test-support';
import { fakeSessions } from './session-fakes.test-support';
import { createSqlStepExecutor } from './sql-step-executor';

const signal = (): AbortSignal => new AbortController().signal;

describe('SQL step executor', () => {
  it('discards a session whose connection dropped and reports NETWORK so runPlan retries on a fresh one', async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target), maxSessions: 2 });
    f.failWith(new AppFailure({ code: 'NETWORK', message: 'The connection to 127.0.0.1 dropped before it answered.' }));
    await expect(executor.run(step('a'), signal())).rejects.toMatchObject({ error: { code: 'NETWORK', message: 'The connection to 127.0.0.1 dropped before it answered.' } });
    expect(f.opened[0]!.closed).toBe(true);
    const retry = executor.run(step('a'), signal());
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
    await expect(executor.run(step('a'), signal())).rejects.toMatchObject({ error: { code: 'SQL_ERROR' } });
    const next = executor.run(step('b'), signal());
    await tick();
    f.pending.shift()!();
    await next;
    expect(f.opened).toHaveLength(1);
    expect(f.opened[0]!.closed).toBe(false);
  });

  // Which failures mean the session is gone (discard it, report NETWORK so the step is retried on a fresh one) and
  // which are the statement's own (keep the session, pass the failure on as it is).
  const dropped: readonly [ErrorCode, string, string][] = [
    ['NETWORK', 'The connection to 127.0.0.1 dropped before it answered.', 'The connection to 127.0.0.1 dropped before it answered.'],
    ['TIMEOUT', 'The statement did not finish within 300 s.', 'The SQL connection dropped. The statement did not finish within 300 s.'],
    ['NOT_CONNECTED', 'Not connected to the workspace.', 'The SQL connection dropped. Not connected to the workspace.'],
    ['SQL_ERROR', 'Invalid  Session: 01ef', 'The SQL connection dropped. Invalid  Session: 01ef'],
    ['SQL_ERROR', 'Invalid session', 'The SQL connection dropped. Invalid session'],
    ['SQL_ERROR', 'The session handle 01ef is unknown', 'The SQL connection dropped. The session handle 01ef is unknown'],
    ['SQL_ERROR', 'No such sessionhandle', 'The SQL connection dropped. No such sessionhandle'],
    ['SQL_ERROR', 'Session  closed by the server', 'The SQL connection dropped. Session  closed by the server'],
    ['SQL_ERROR', 'Session closed', 'The SQL connection dropped. Session closed'],
    ['SQL_ERROR', 'session is  expired', 'The SQL connection dropped. session is  expired'],
    ['SQL_ERROR', 'Session is not found: 01ef', 'The SQL connection dropped. Session is not found: 01ef'],
  ];
  for (const [code, message, said] of dropped) {
    it(`treats ${code} "${message}" as a dropped connection`, async () => {
      const f = fakeSessions();
      const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
      f.failWith(new AppFailure({ code, message }));
      await expect(executor.run(step('a'), signal())).rejects.toMatchObject({ error: { code: 'NETWORK', message: said, hint: 'Check your network; apply again to resume.' } });
      expect(f.opened[0]!.closed).toBe(true);
    });
  }

  const kept: readonly (AppFailure | Error)[] = [
    new AppFailure({ code: 'SQL_ERROR', message: '[TABLE_OR_VIEW_NOT_FOUND] The table `hr`.`x` cannot be found.' }),
    new AppFailure({ code: 'SQL_ERROR', message: 'The sessions table is closed for writes' }),
    new AppFailure({ code: 'FORBIDDEN', message: 'Invalid session: the user may not use this warehouse.' }),
    new TypeError('Cannot read properties of undefined'),
  ];
  for (const failure of kept) {
    it(`passes "${failure.message}" on as it is and keeps the session`, async () => {
      const f = fakeSessions();
      const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
      f.failWith(failure);
      await expect(executor.run(step('a'), signal())).rejects.toBe(failure);
      expect(f.opened[0]!.closed).toBe(false);
      const next = executor.run(step('b'), signal());
      await tick();
      f.pending.shift()!();
      await next;
      expect(f.opened).toHaveLength(1);
    });
  }

  it("keeps the connection layer's own hint on a dropped connection (it says more than a generic one)", async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
    f.failWith(new AppFailure({ code: 'TIMEOUT', message: 'No answer.', hint: 'Check the VPN.' }));
    await expect(executor.run(step('a'), signal())).rejects.toMatchObject({ error: { code: 'NETWORK', hint: 'Check the VPN.' } });
  });

  it('runs each statement once (runPlan retries and reports), with the server-side timeout and the cancel signal', async () => {
    for (const [queryTimeoutSeconds, expected] of [[undefined, 300], [45, 45]] as const) {
      const f = fakeSessions();
      const executor = createSqlStepExecutor({ openSession: (target) => f.open(target), ...(queryTimeoutSeconds ? { queryTimeoutSeconds } : {}) });
      const cancel = new AbortController();
      const run = executor.run(step('a'), cancel.signal);
      await tick();
      f.pending.shift()!();
      await run;
      expect(f.opened[0]!.options).toEqual([{ signal: cancel.signal, queryTimeoutSeconds: expected, retry: false }]);
    }
  });

  it('runs each step on a session of its own target', async () => {
    const f = fakeSessions();
    const executor = createSqlStepExecutor({ openSession: (target) => f.open(target) });
    const other: PlanStep = { ...step('b'), target: 'https://workspace-b.cloud.databricks.com' };
    const runs = [executor.run(step('a'), signal()), executor.run(other, signal())];
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
