import { describe, expect, it } from 'vitest';
import { AppFailure, type ErrorCode } from '../../../../shared/result';
import { instantClock, memoryStore, planOf, step, stoppedClock, tick } from './apply.test-support';
import { createPlanJournal } from './plan-journal';
import { TransientFailure } from '../../http/retry-policy';
import { runPlan } from './run-plan';
import type { StepEvent } from './run-plan-types';

const failing = (code: ErrorCode, times: number) => {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    executor: async () => {
      if (++calls <= times) throw new AppFailure({ code, message: `${code} #${calls}` });
    },
  };
};

describe('runPlan retries', () => {
  for (const code of ['RATE_LIMITED', 'UNAVAILABLE', 'NETWORK', 'TIMEOUT'] as const) {
    it(`retries ${code} with backoff and succeeds`, async () => {
      const f = failing(code, 2);
      const clock = instantClock();
      const events: StepEvent[] = [];
      const result = await runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), executor: f.executor, clock, onStep: (e) => events.push(e) });
      expect(f.calls).toBe(3);
      expect(result).toMatchObject({ ran: 1, failed: 0 });
      expect(clock.slept).toHaveLength(2);
      expect(events.map((e) => e.state)).toEqual(['running', 'retrying', 'retrying', 'done']);
    });
  }

  it('gives up after the bounded number of attempts and reports the step failed', async () => {
    const f = failing('UNAVAILABLE', 100);
    const clock = instantClock();
    const result = await runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), executor: f.executor, clock, retry: { maxAttempts: 4 } });
    expect(f.calls).toBe(4);
    expect(clock.slept).toHaveLength(3);
    expect(result).toMatchObject({ ran: 0, failed: 1, failure: { stepId: 'a', message: expect.stringMatching(/UNAVAILABLE #4.*kept failing/), hint: expect.stringMatching(/apply again/) } });
  });

  for (const code of ['SQL_ERROR', 'FORBIDDEN', 'AUTH_REQUIRED', 'NOT_CONNECTED'] as const) {
    it(`does not retry ${code}`, async () => {
      const f = failing(code, 100);
      const clock = instantClock();
      const result = await runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), executor: f.executor, clock });
      expect(f.calls).toBe(1);
      expect(clock.slept).toEqual([]);
      expect(result.failed).toBe(1);
    });
  }

  it('does not retry an unexpected (non-AppFailure) error, and keeps its text out of the summary', async () => {
    const result = await runPlan({
      plan: planOf([step('a')]),
      journal: createPlanJournal(memoryStore(), 'j'),
      executor: async () => {
        throw new TypeError('secret-looking internals');
      },
      clock: instantClock(),
    });
    expect(result.failure?.message).toBe('Step a: ucbridge hit an unexpected error.');
  });

  it('waits what a Retry-After the failure carries asks (capped), not the backoff', async () => {
    let calls = 0;
    const clock = instantClock();
    const result = await runPlan({
      plan: planOf([step('a')]),
      journal: createPlanJournal(memoryStore(), 'j'),
      clock,
      retry: { baseDelayMs: 10, maxRetryAfterMs: 60_000, random: () => 0 },
      executor: async () => {
        calls++;
        if (calls === 1) throw new TransientFailure({ code: 'RATE_LIMITED', message: 'slow down' }, 3_000);
        if (calls === 2) throw new TransientFailure({ code: 'UNAVAILABLE', message: 'busy' }, 3_600_000);
      },
    });
    expect(result).toMatchObject({ ran: 1, failed: 0 });
    expect(clock.slept).toEqual([3_000, 60_000]);
  });
});

describe('runPlan cancel', () => {
  it('starts nothing new, aborts running steps through the signal, keeps finished steps in the journal, rejects CANCELLED', async () => {
    const controller = new AbortController();
    const kv = memoryStore();
    const started: string[] = [];
    const abortedRunning: string[] = [];
    // A root, then 10 independent leaves; the leaves never finish on their own.
    const plan = planOf([step('root'), ...Array.from({ length: 10 }, (_, i) => step(`leaf${i}`, ['root']))]);
    const run = runPlan({
      plan,
      journal: createPlanJournal(kv, 'j'),
      signal: controller.signal,
      concurrency: 3,
      executor: (s, signal) => {
        started.push(s.id);
        if (s.id === 'root') return Promise.resolve();
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            abortedRunning.push(s.id);
            reject(new AppFailure({ code: 'CANCELLED', message: 'The statement was cancelled.' }));
          }),
        );
      },
    });
    while (started.length < 4) await tick();
    controller.abort();
    await expect(run).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    expect(started).toEqual(['root', 'leaf0', 'leaf1', 'leaf2']);
    expect(abortedRunning.sort()).toEqual(['leaf0', 'leaf1', 'leaf2']);
    // The journal kept the finished root: a resume skips it.
    const again = await createPlanJournal(kv, 'j').open(plan);
    expect(again).toEqual({ done: new Set(['root']), resumed: true });
  });

  it('stops a backoff at once when cancelled', async () => {
    const controller = new AbortController();
    // Its sleeps end only when cancelled: the run can settle only because the cancel cut the backoff short.
    const clock = stoppedClock();
    let calls = 0;
    const run = runPlan({
      plan: planOf([step('a')]),
      journal: createPlanJournal(memoryStore(), 'j'),
      signal: controller.signal,
      clock,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      executor: async () => {
        calls++;
        throw new AppFailure({ code: 'UNAVAILABLE', message: 'busy' });
      },
    });
    expect(await clock.asleep).toBeGreaterThan(0); // the backoff after the first failure has begun
    controller.abort();
    await expect(run).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
    expect(calls).toBe(1);
  });

  it('refuses to start when already cancelled', async () => {
    await expect(runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), signal: AbortSignal.abort(), executor: async () => undefined })).rejects.toMatchObject({ error: { code: 'CANCELLED' } });
  });
});
