import type { VerifyReport } from '../contract/integration';
import { AppFailure, assertNever } from '../result';
import type { Plan, StepAction } from './plan-types';

/**
 * Verify (after a manual set-up, or any time): a set-up plan made against the workspace as it is now says, step
 * by step, what is there. Converged only when every step would change nothing.
 */

const STATE = (action: StepAction): VerifyReport['steps'][number]['state'] => {
  switch (action) {
    case 'unchanged':
      return 'present';
    case 'create':
      return 'missing';
    // Set-up plans never drop; were a step to, the workspace would not be as the set-up leaves it.
    case 'change':
    case 'drop':
      return 'different';
    default:
      return assertNever(action);
  }
};

export function verifyPlan(plan: Plan): VerifyReport {
  if (plan.kind !== 'setup') throw new AppFailure({ code: 'INTERNAL', message: 'verifyPlan takes a set-up plan made against the observed workspace.' });
  const steps = plan.steps.map((s) => ({ id: s.id, purpose: s.purpose, state: STATE(s.action) }));
  return { converged: steps.every((s) => s.state === 'present'), steps };
}
