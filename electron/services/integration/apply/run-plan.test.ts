import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';
import { memoryStore, planOf, step } from './apply.test-support';
import { createPlanJournal } from './plan-journal';
import { runPlan } from './run-plan';
import type { StepEvent } from './run-plan-types';

/** A random DAG: each step depends on a random subset of earlier steps; some are unchanged. */
const dagArb = fc
  .array(fc.record({ deps: fc.array(fc.nat(), { maxLength: 4 }), unchanged: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), delay: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 60 })
  .map((specs) =>
    specs.map((s, i) => ({
      step: step(`s${i}`, i === 0 ? [] : [...new Set(s.deps.map((d) => `s${d % i}`))], s.unchanged ? 'unchanged' : 'create'),
      delay: s.delay,
    })),
  );

describe('runPlan scheduling', () => {
  it('never starts a step before its dependencies finish, never exceeds the concurrency, runs each runnable step once', async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, fc.integer({ min: 1, max: 6 }), async (specs, concurrency) => {
        const delays = new Map(specs.map((s) => [s.step.id, s.delay]));
        const finished = new Set<string>();
        const runs = new Map<string, number>();
        let inFlight = 0;
        let peak = 0;
        const plan = planOf(specs.map((s) => s.step));
        const byId = new Map(plan.steps.map((s) => [s.id, s]));
        // Unchanged steps count as finished when their own dependencies have.
        const isDone = (id: string): boolean => finished.has(id) || (byId.get(id)!.action === 'unchanged' && byId.get(id)!.dependsOn.every(isDone));
        const result = await runPlan({
          plan,
          journal: createPlanJournal(memoryStore(), 'j'),
          concurrency,
          executor: async (s) => {
            for (const d of s.dependsOn) expect(isDone(d), `${s.id} started before ${d} finished`).toBe(true);
            runs.set(s.id, (runs.get(s.id) ?? 0) + 1);
            peak = Math.max(peak, ++inFlight);
            await new Promise((r) => setTimeout(r, delays.get(s.id)));
            inFlight--;
            finished.add(s.id);
          },
        });
        const runnable = plan.steps.filter((s) => s.action !== 'unchanged').map((s) => s.id);
        expect(peak).toBeLessThanOrEqual(concurrency);
        expect([...runs.keys()].sort()).toEqual([...runnable].sort());
        expect([...runs.values()].every((n) => n === 1)).toBe(true);
        expect(result).toMatchObject({ ran: runnable.length, skipped: plan.steps.length - runnable.length, failed: 0, failure: null, resumed: false });
      }),
      { numRuns: 60 },
    );
  });

  it('runs nothing for a converged plan, and reports every step skipped', async () => {
    const plan = planOf([step('a', [], 'unchanged'), step('b', ['a'], 'unchanged'), step('c', ['b'], 'unchanged')]);
    const events: StepEvent[] = [];
    let calls = 0;
    const result = await runPlan({ plan, journal: createPlanJournal(memoryStore(), 'j'), executor: async () => void calls++, onStep: (e) => events.push(e) });
    expect(calls).toBe(0);
    expect(result).toMatchObject({ ran: 0, skipped: 3, failed: 0, failure: null });
    expect(events.map((e) => e.state)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('a failed step blocks its dependents only: independent branches finish, then the first failure is reported', async () => {
    const steps: PlanStep[] = [step('cat'), step('bad', ['cat']), step('under-bad', ['bad']), step('deeper', ['under-bad']), step('ok1', ['cat']), step('ok2', ['ok1'])];
    const ran: string[] = [];
    const events: StepEvent[] = [];
    const kv = memoryStore();
    const result = await runPlan({
      plan: planOf(steps),
      journal: createPlanJournal(kv, 'j'),
      onStep: (e) => events.push(e),
      executor: async (s) => {
        ran.push(s.id);
        if (s.id === 'bad') throw new AppFailure({ code: 'SQL_ERROR', message: '[PERMISSION_DENIED] User does not have MANAGE on Catalog sales. SQLSTATE: 42501' });
      },
    });
    expect(ran.sort()).toEqual(['bad', 'cat', 'ok1', 'ok2']);
    expect(result).toMatchObject({ ran: 3, failed: 1, skipped: 0 });
    expect(result.failure).toEqual({
      stepId: 'bad',
      message: expect.stringMatching(/^Step bad: the warehouse refused the statement\. \[PERMISSION_DENIED\].*42501/),
      hint: expect.stringMatching(/privilege.*apply again/),
    });
    expect(events.filter((e) => e.state === 'skipped').map((e) => [e.stepId, e.message])).toEqual([
      ['under-bad', 'Not run: "bad" failed.'],
      ['deeper', 'Not run: "bad" failed.'],
    ]);
    // The journal is kept for the resume after a failure.
    expect(kv.data.size).toBeGreaterThan(0);
  });

  it('starts the step on the longest remaining path first', async () => {
    const steps = [step('short1'), step('short2'), step('long1'), step('long2', ['long1']), step('long3', ['long2'])];
    const order: string[] = [];
    await runPlan({ plan: planOf(steps), journal: createPlanJournal(memoryStore(), 'j'), concurrency: 1, executor: async (s) => void order.push(s.id) });
    // Of the three ready at the start, the chain's head goes first (the others fill its journal write's gap).
    expect(order[0]).toBe('long1');
    expect(order).toHaveLength(5);
  });

  it('reports progress after each step, over every step of the plan', async () => {
    const seen: [number, number, string][] = [];
    await runPlan({
      plan: planOf([step('a', [], 'unchanged'), step('b', ['a']), step('c', ['b'])]),
      journal: createPlanJournal(memoryStore(), 'j'),
      executor: async () => undefined,
      onProgress: (done, total, label) => seen.push([done, total, label]),
    });
    expect(seen).toEqual([[1, 3, 'Step a'], [2, 3, 'Step b'], [3, 3, 'Step c']]);
  });
});

describe('runPlan listeners', () => {
  it('a listener that throws does not stop or wedge the apply', async () => {
    const result = await runPlan({
      plan: planOf([step('a'), step('b', ['a'])]),
      journal: createPlanJournal(memoryStore(), 'j'),
      executor: async () => undefined,
      onStep: () => {
        throw new Error('renderer went away');
      },
      onProgress: () => {
        throw new Error('renderer went away');
      },
    });
    expect(result).toMatchObject({ ran: 2, failed: 0 });
  });
});
