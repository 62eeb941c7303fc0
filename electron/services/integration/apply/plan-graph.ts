import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';

/**
 * A plan's steps as a dependency graph, indexed once so the scheduler never searches arrays: 2,000 steps with a
 * few dependencies each must cost microseconds per decision, not milliseconds.
 */
export interface PlanGraph {
  readonly steps: readonly PlanStep[];
  /** Index of each step's dependencies and dependents (by position in `steps`). */
  readonly deps: readonly (readonly number[])[];
  readonly dependents: readonly (readonly number[])[];
  /** Steps in an order where every dependency comes first. */
  readonly topological: readonly number[];
}

const broken = (message: string): AppFailure =>
  // The planner makes plans; a broken one is a bug there, never the user's doing.
  new AppFailure({ code: 'INTERNAL', message: `The plan is malformed: ${message}` });

export function buildPlanGraph(steps: readonly PlanStep[]): PlanGraph {
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (index.has(s.id)) throw broken(`the step id "${s.id.slice(0, 80)}" appears twice.`);
    index.set(s.id, i);
  });
  const dependents: number[][] = steps.map(() => []);
  const deps = steps.map((s, i) =>
    [...new Set(s.dependsOn)].map((d) => {
      const j = index.get(d);
      if (j === undefined) throw broken(`step "${s.id.slice(0, 80)}" depends on "${d.slice(0, 80)}", which is not in the plan.`);
      dependents[j]!.push(i);
      return j;
    }),
  );
  // Kahn's algorithm: whatever is left unvisited sits on a cycle.
  const waiting = deps.map((d) => d.length);
  const topological: number[] = [];
  steps.forEach((_, i) => waiting[i] === 0 && topological.push(i));
  for (let k = 0; k < topological.length; k++) {
    for (const j of dependents[topological[k]!]!) if (--waiting[j]! === 0) topological.push(j);
  }
  if (topological.length !== steps.length) {
    const stuck = steps.find((_, i) => waiting[i]! > 0)!;
    throw broken(`its dependencies form a cycle (through "${stuck.id.slice(0, 80)}").`);
  }
  return { steps, deps, dependents, topological };
}

/**
 * Longest remaining path from each step to the end of the plan, counting `weight(i)` per step (1 for a step that
 * runs, 0 for one that is skipped). Starting the step with the longest tail first is the classic list-scheduling
 * priority (HLFET / critical path first): it keeps the critical path moving while the wide parts fill the slots.
 */
export function remainingPath(graph: PlanGraph, weight: (i: number) => number): Float64Array {
  const tail = new Float64Array(graph.steps.length);
  for (let k = graph.topological.length - 1; k >= 0; k--) {
    const i = graph.topological[k]!;
    let longest = 0;
    for (const j of graph.dependents[i]!) longest = Math.max(longest, tail[j]!);
    tail[i] = weight(i) + longest;
  }
  return tail;
}
