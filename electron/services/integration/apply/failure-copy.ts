import type { PlanStep } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';

/**
 * The summary's failure in plain language: what the step was for, what Databricks said, and what to do. The
 * retry already happened, so the hint never says "try again later" for something that will fail the same way.
 */
export function stepFailureCopy(step: PlanStep, e: unknown): { readonly message: string; readonly hint?: string } {
  const what = step.purpose.trim() || step.id;
  if (!(e instanceof AppFailure)) {
    // Not from the connection layer: a bug. Its text may hold anything, so it stays in the log, not the summary.
    return { message: `${what}: ucbridge hit an unexpected error.`, hint: 'Copy the details for support from the log, then apply again.' };
  }
  const { code, message, hint } = e.error;
  const resume = 'Steps already done are kept and will not run again.';
  switch (code) {
    case 'SQL_ERROR':
      return {
        message: `${what}: the warehouse refused the statement. ${message}`,
        hint: hint ?? `Fix what the message says (often a missing privilege: see the least-privilege table), then apply again. ${resume}`,
      };
    case 'RATE_LIMITED':
    case 'UNAVAILABLE':
    case 'NETWORK':
    case 'TIMEOUT':
      return { message: `${what}: ${message} (it kept failing after several attempts)`, hint: `${hint ?? 'Check the warehouse and your network.'} Then apply again: ${resume.toLowerCase()}` };
    default:
      return { message: `${what}: ${message}`, ...(hint ? { hint } : {}) };
  }
}
