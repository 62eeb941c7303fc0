import type { Plan, StepAction } from '../../../../shared/integration/plan-types';

/** How many steps of a plan create, change, drop, or leave something as it is. */
export function planCounts(plan: Plan): Readonly<Record<StepAction, number>> {
  const counts = { create: 0, change: 0, unchanged: 0, drop: 0 };
  for (const step of plan.steps) counts[step.action]++;
  return counts;
}

/** Steps an apply would actually run. */
export const pendingSteps = (plan: Plan): number => plan.steps.filter((s) => s.action !== 'unchanged').length;

/** "Copy all": every statement in order, each after its purpose as a comment, ready to paste into an editor. */
export function planScript(plan: Plan): string {
  return plan.steps.map((s) => `-- ${s.purpose.replace(/\s*\n\s*/g, ' ')}\n${s.sql};`).join('\n\n') + '\n';
}
