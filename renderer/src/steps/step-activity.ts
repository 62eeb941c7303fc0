import type { TaskOwner } from '../progress/progress-store';
import type { StepContext, StepMeta, StepStatus } from './step-types';

/** Every step's status and, per step, its parts' statuses, as the sidebar, the panel and the part nav show them. */
export interface StepStatuses {
  readonly statuses: readonly StepStatus[];
  readonly subStatuses: readonly (readonly StepStatus[])[];
}

/**
 * A step (or part) whose task is running is "In progress", whatever its rule says otherwise: signing in reads
 * "In progress" while the browser is awaited, not "Not started"; re-validating a failed check is not "Needs
 * attention" meanwhile. A locked step stays locked (it cannot act, whatever is still running).
 */
const whileRunning = (status: StepStatus, running: boolean): StepStatus => (running && status !== 'locked' ? 'in-progress' : status);

/** The statuses of `steps` in `context`, given the owners of the tasks running now. */
export function stepStatuses(steps: readonly StepMeta[], context: StepContext, running: readonly TaskOwner[]): StepStatuses {
  const busy = (step: string, subStep?: string) => running.some((o) => o.step === step && (subStep === undefined || o.subStep === subStep));
  return {
    statuses: steps.map((s) => whileRunning(s.status(context), busy(s.id))),
    subStatuses: steps.map((s) => (s.subSteps ?? []).map((p) => whileRunning(s.subStepStatus?.(context, p.id) ?? 'not-started', busy(s.id, p.id)))),
  };
}
