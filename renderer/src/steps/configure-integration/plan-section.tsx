import type { UseQueryResult } from '@tanstack/react-query';
import type { Ref } from 'react';
import type { Plan } from '../../../../shared/integration/plan-types';
import type { ClientError } from '../../api/client-error';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { PlanStatements } from './plan-statements';
import { StepSection } from './step-section';
import type { StepStates } from './use-step-events';

export interface PlanSectionProps {
  readonly plan: UseQueryResult<Plan, ClientError>;
  readonly requested: boolean;
  /** Why the plan cannot be made yet (settings not saved, or changed since), if so. */
  readonly blocked: string | undefined;
  readonly onRequest: () => void;
  readonly states: StepStates;
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

/** Every statement the set-up would run, marked against the workspace as it is now. */
export function PlanSection({ plan, requested, blocked, onRequest, states, headingRef }: PlanSectionProps) {
  return (
    <StepSection title="Plan" testId="ci-plan" headingRef={headingRef} lead="Every statement, in order, before anything runs: idempotent, each with its purpose and whether it creates, changes or leaves something unchanged.">
      {blocked ? <p className="notice">{blocked}</p> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={blocked !== undefined}
        aria-busy={plan.isFetching}
        onClick={() => (plan.isFetching ? undefined : onRequest())}
        data-testid="ci-plan-run"
      >
        {plan.isFetching ? 'Planning…' : requested ? 'Plan again' : 'Preview the plan'}
      </button>
      {plan.error ? <ErrorView action="Plan" error={toAppError(plan.error)} /> : null}
      {requested && plan.data && !blocked ? <PlanStatements plan={plan.data} states={states} /> : null}
    </StepSection>
  );
}
