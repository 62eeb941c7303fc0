import { AppFailure } from '../../../../shared/result';
import { systemClock } from '../../../node/system-clock';
import { stepFailureCopy } from './failure-copy';
import { buildPlanGraph, remainingPath } from './plan-graph';
import { ReadyQueue } from './ready-queue';
import { retryPolicy, withRetry } from '../../http/retry-policy';
import type { RunPlanOptions, RunPlanResult, StepEvent } from './run-plan-types';

const cancelled = (): AppFailure => new AppFailure({ code: 'CANCELLED', message: 'The apply was cancelled. Steps already done are kept.' });

/**
 * Runs a plan: each step after all its dependencies, at most `concurrency` statements at once, the ready step with
 * the longest remaining path first (so the critical path never waits behind the wide parts of the plan). Steps
 * marked `unchanged`, and steps the journal says an interrupted run finished, are skipped without running. A
 * failed step blocks only what depends on it; independent branches go on and the run ends reporting the first
 * failure. The journal records each step before it counts as done, and is cleared after a fully successful run.
 */
export async function runPlan(o: RunPlanOptions): Promise<RunPlanResult> {
  const clock = o.clock ?? systemClock;
  const started = clock.now();
  const { plan, executor, journal } = o;
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 4));
  const policy = retryPolicy(o.retry);
  if (o.signal?.aborted) throw cancelled();
  const graph = buildPlanGraph(plan.steps);
  const { done: journaled, resumed } = await journal.open(plan);
  if (o.signal?.aborted) throw cancelled();
  const free = (i: number): boolean => plan.steps[i]!.action === 'unchanged' || journaled.has(plan.steps[i]!.id);
  const ready = new ReadyQueue(remainingPath(graph, (i) => (free(i) ? 0 : 1)));
  const waiting = graph.deps.map((d) => d.length);
  const blocked = new Uint8Array(plan.steps.length);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });

  const total = plan.steps.length;
  let ran = 0;
  let skipped = 0;
  let failed = 0;
  let failure: RunPlanResult['failure'] = null;
  let executing = 0; // statements in flight: what `concurrency` bounds
  let active = 0; // started and not yet settled (includes waiting for the journal write)
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  // Listeners publish events; one that throws must not wedge the scheduler with a step half-accounted.
  const emit = (event: StepEvent): void => {
    try {
      o.onStep?.(event);
    } catch {
      /* the listener's problem, not the apply's */
    }
  };
  const progress = (label: string): void => {
    try {
      o.onProgress?.(ran + skipped, total, label);
    } catch {
      /* as above */
    }
  };

  /** Marks a step done and releases its dependents; free dependents resolve at once (a stack, not recursion). */
  function complete(first: number): void {
    const stack = [first];
    while (stack.length > 0) {
      for (const j of graph.dependents[stack.pop()!]!) {
        if (--waiting[j]! > 0 || blocked[j]) continue;
        if (!free(j)) ready.push(j);
        else {
          skip(j);
          stack.push(j);
        }
      }
    }
  }

  function skip(i: number): void {
    const step = plan.steps[i]!;
    skipped++;
    emit({ stepId: step.id, state: 'skipped', message: step.action === 'unchanged' ? 'Already in place.' : 'Done by the earlier, interrupted run.' });
    progress(step.purpose);
  }

  /** Everything downstream of a failed step is not run, and says why. */
  function block(from: number): void {
    const stack = [from];
    while (stack.length > 0) {
      for (const j of graph.dependents[stack.pop()!]!) {
        if (blocked[j]) continue;
        blocked[j] = 1;
        emit({ stepId: plan.steps[j]!.id, state: 'skipped', message: `Not run: "${plan.steps[from]!.id}" failed.` });
        stack.push(j);
      }
    }
  }

  function fill(): void {
    while (!controller.signal.aborted && executing < concurrency && ready.size > 0) void start(ready.pop()!);
    if (active === 0 && (ready.size === 0 || controller.signal.aborted)) finish();
  }

  async function start(i: number): Promise<void> {
    const step = plan.steps[i]!;
    executing++;
    active++;
    emit({ stepId: step.id, state: 'running' });
    let ok = false;
    try {
      await withRetry(
        policy,
        clock,
        controller.signal,
        () => executor(step, controller.signal),
        (n, e) => emit({ stepId: step.id, state: 'retrying', message: `Attempt ${n} failed (${e instanceof AppFailure ? e.error.message : 'unexpected error'}); retrying.` }),
        o.retry?.random,
      );
      ok = true;
    } catch (e) {
      // A step that ends because the run was cancelled is not a failure: it simply did not finish.
      if (!controller.signal.aborted) fault(i, e);
    }
    executing--;
    // The slot is free for the next statement while this one's journal write is in flight.
    fill();
    if (ok) {
      try {
        await journal.record(step.id);
        ran++;
        emit({ stepId: step.id, state: 'done' });
        progress(step.purpose);
        complete(i);
      } catch (e) {
        // Unsaved progress would make a later resume lie: stop starting steps, report it as this step's failure.
        fault(i, e);
        controller.abort(e);
      }
    }
    active--;
    fill();
  }

  function fault(i: number, e: unknown): void {
    const copy = stepFailureCopy(plan.steps[i]!, e);
    failed++;
    failure ??= { stepId: plan.steps[i]!.id, ...copy };
    emit({ stepId: plan.steps[i]!.id, state: 'failed', message: copy.message });
    block(i);
  }

  try {
    // Seed the run: free steps with no dependencies resolve (and release theirs), the rest wait in the queue.
    graph.deps.forEach((d, i) => {
      if (d.length > 0) return;
      if (!free(i)) return ready.push(i);
      skip(i);
      complete(i);
    });
    fill();
    await finished;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
  }
  if (o.signal?.aborted) throw cancelled();
  // A journal that cannot be cleared is harmless: the same plan would skip every step, another plan discards it.
  if (failed === 0) await journal.clear().catch(() => undefined);
  return { kind: plan.kind, planHash: plan.hash, ran, skipped, failed, failure, resumed, durationMs: clock.now() - started };
}
