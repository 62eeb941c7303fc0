import type { PlanStep } from '../../../../shared/integration/plan-types';
import { buildPlanGraph, remainingPath } from './plan-graph';
import { ReadyQueue } from './ready-queue';

/**
 * The makespan of the list schedule of a plan's runnable steps: `concurrency` workers, every step taking
 * `stepMs`, a step ready once all its dependencies finish, free workers taking the ready step with the longest
 * remaining path first (the priority runPlan uses). Steps marked `unchanged` take no time. This is the "ideal"
 * the apply benchmark compares against: what the dependency structure and the concurrency allow when each
 * statement costs exactly its server time and nothing else (no driver, journal or scheduling overhead).
 */
export function listScheduleMakespan(steps: readonly PlanStep[], concurrency: number, stepMs: number): number {
  const graph = buildPlanGraph(steps);
  const cost = (i: number): number => (graph.steps[i]!.action === 'unchanged' ? 0 : stepMs);
  const priority = remainingPath(graph, cost);
  const waiting = graph.deps.map((d) => d.length);
  const ready = new ReadyQueue(priority);
  graph.deps.forEach((d, i) => d.length === 0 && ready.push(i));
  // Running steps as [finish time, step], kept sorted by finish time (at most `concurrency` entries).
  const running: [number, number][] = [];
  let now = 0;
  let makespan = 0;
  while (ready.size > 0 || running.length > 0) {
    while (ready.size > 0 && running.length < concurrency) {
      const i = ready.pop()!;
      running.push([now + cost(i), i]);
      running.sort((a, b) => a[0] - b[0]);
    }
    const [finish, i] = running.shift()!;
    now = finish;
    makespan = Math.max(makespan, finish);
    for (const j of graph.dependents[i]!) if (--waiting[j]! === 0) ready.push(j);
  }
  return makespan;
}
