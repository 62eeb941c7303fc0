import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/result';
import type { Clock } from '../../../ports';
import { instantClock, memoryStore, planOf, step, tick } from './apply.test-support';
import { createPlanJournal, type PlanJournal } from './plan-journal';
import { runPlan } from './run-plan';
import type { StepEvent } from './run-plan-types';

const CANCELLED = { error: { code: 'CANCELLED', message: 'The apply was cancelled. Steps already done are kept.' } };

describe('runPlan: cancel before the first step', () => {
  it('cancelled before it starts: rejects CANCELLED and leaves the journal of an interrupted run alone', async () => {
    const kv = memoryStore();
    const earlier = createPlanJournal(kv, 'j');
    await earlier.open({ kind: 'setup', hash: 'earlier' });
    await earlier.record('x');
    const run = runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(kv, 'j'), signal: AbortSignal.abort(), executor: async () => undefined });
    await expect(run).rejects.toMatchObject(CANCELLED);
    // Opening the journal for another plan would have discarded the earlier run's progress.
    expect(await createPlanJournal(kv, 'j').peek()).toEqual({ kind: 'setup', hash: 'earlier', done: 1 });
  });

  it('cancelled while the journal opens: runs no step and rejects CANCELLED', async () => {
    const cancel = new AbortController();
    const real = createPlanJournal(memoryStore(), 'j');
    const journal: PlanJournal = {
      ...real,
      open: async (p) => {
        const opened = await real.open(p);
        cancel.abort();
        return opened;
      },
    };
    const ran: string[] = [];
    await expect(runPlan({ plan: planOf([step('a'), step('b')]), journal, signal: cancel.signal, executor: async (s) => void ran.push(s.id) })).rejects.toMatchObject(CANCELLED);
    expect(ran).toEqual([]);
  });
});

describe('runPlan: what it tells the user', () => {
  it('says why each step was skipped: already in place, or done by the interrupted run', async () => {
    const kv = memoryStore();
    const plan = planOf([step('a', [], 'unchanged'), step('b'), step('c', ['b'])]);
    const earlier = createPlanJournal(kv, 'j');
    await earlier.open(plan);
    await earlier.record('b');
    const events: StepEvent[] = [];
    await runPlan({ plan, journal: createPlanJournal(kv, 'j'), executor: async () => undefined, onStep: (e) => events.push(e) });
    expect(events.filter((e) => e.state === 'skipped')).toEqual([
      { stepId: 'a', state: 'skipped', message: 'Already in place.' },
      { stepId: 'b', state: 'skipped', message: 'Done by the earlier, interrupted run.' },
    ]);
  });

  it("reports each retry with the attempt and the failure's message, and a failed step with its copy", async () => {
    const events: StepEvent[] = [];
    let calls = 0;
    const result = await runPlan({
      plan: planOf([step('a')]),
      journal: createPlanJournal(memoryStore(), 'j'),
      clock: instantClock(),
      retry: { maxAttempts: 2 },
      onStep: (e) => events.push(e),
      executor: async () => {
        throw new AppFailure({ code: 'UNAVAILABLE', message: `The warehouse is starting (${++calls}).` });
      },
    });
    expect(events).toEqual([
      { stepId: 'a', state: 'running' },
      { stepId: 'a', state: 'retrying', message: 'Attempt 1 failed (The warehouse is starting (1).); retrying.' },
      { stepId: 'a', state: 'failed', message: result.failure!.message },
    ]);
    expect(result.failure!.message).toMatch(/^Step a: /);
  });

  it('says once that a step is not run, even when it depends on the failed step along two paths', async () => {
    const events: StepEvent[] = [];
    await runPlan({
      plan: planOf([step('a'), step('b', ['a']), step('c', ['a']), step('d', ['b', 'c']), step('e', ['d'])]),
      journal: createPlanJournal(memoryStore(), 'j'),
      onStep: (e) => events.push(e),
      executor: async (s) => {
        if (s.id === 'a') throw new AppFailure({ code: 'SQL_ERROR', message: 'refused' });
      },
    });
    expect(events.filter((e) => e.state === 'skipped').map((e) => e.stepId)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('measures its duration on the clock it was given', async () => {
    let now = 1_000;
    const clock: Clock = { now: () => now, sleep: async () => undefined };
    const result = await runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), clock, executor: async () => void (now += 250) });
    expect(result.durationMs).toBe(250);
  });
});

describe('runPlan: when saving progress fails', () => {
  it('stops the run and reports only that step: a step aborted by the stop is not a failure of its own', async () => {
    const kv = memoryStore();
    const journal = createPlanJournal(kv, 'j');
    const events: StepEvent[] = [];
    const result = await runPlan({
      plan: planOf([step('quick'), step('slow'), step('after', ['quick'])]),
      journal,
      concurrency: 2,
      onStep: (e) => events.push(e),
      executor: (s, signal) => {
        if (s.id === 'quick') {
          kv.failWrites = true;
          return Promise.resolve();
        }
        // Runs until the run stops it.
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new AppFailure({ code: 'CANCELLED', message: 'The statement was cancelled.' }))));
      },
    });
    expect(result).toMatchObject({ ran: 0, failed: 1, failure: { stepId: 'quick', message: expect.stringMatching(/could not save the progress/) } });
    expect(events.filter((e) => e.state === 'failed').map((e) => e.stepId)).toEqual(['quick']);
  });
});

describe('runPlan: the caller signal', () => {
  it('stops listening to the caller signal when the run ends (a long-lived signal collects no listeners)', async () => {
    const cancel = new AbortController();
    for (let i = 0; i < 3; i++) await runPlan({ plan: planOf([step('a')]), journal: createPlanJournal(memoryStore(), 'j'), signal: cancel.signal, executor: async () => undefined });
    await tick();
    expect(getEventListeners(cancel.signal, 'abort')).toEqual([]);
  });
});
