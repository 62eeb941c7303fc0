import type { UseQueryResult } from '@tanstack/react-query';
import type { Plan } from '../../../../shared/integration/plan-types';
import type { ClientError } from '../../api/client-error';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { Button } from '../../ui/button';
import { useReveal } from '../../ui/use-reveal';
import { PlanStatements } from './plan-statements';
import './part-layout.css';
import { StepSection } from './step-section';
import type { StepStates } from './use-step-events';

export interface PlanSectionProps {
  readonly plan: UseQueryResult<Plan, ClientError>;
  readonly requested: boolean;
  /** Bumped by each Plan asked for: its answer is then brought into view and focused. */
  readonly revealSeq: number;
  /** Why the plan cannot be made yet (settings not saved, or changed since), if so. */
  readonly blocked: string | undefined;
  readonly onRequest: () => void;
  /** A set-up or uninstall is running: planning waits until it has finished. */
  readonly applying: boolean;
  readonly states: StepStates;
}

/** Every statement the set-up would run, marked against the workspace as it is now. */
export function PlanSection({ plan, requested, revealSeq, blocked, onRequest, applying, states }: PlanSectionProps) {
  const answered = requested && !blocked && !plan.isFetching && (plan.data !== undefined || plan.error !== null);
  const result = useReveal<HTMLDivElement>(revealSeq, answered);
  return (
    <StepSection title="Plan" testId="ci-plan" lead="Every statement in order, with its purpose, before anything runs (each is idempotent).">
      {/* Why the plan cannot be made yet, beside its button: the part stays one screen tall. */}
      <div className="ci-plan-ask">
        <Button
          className="button button--primary"
          disabledReason={blocked ?? (applying ? 'Planning again waits until the running apply has finished.' : undefined)}
          busy={plan.isFetching}
          onClick={onRequest}
          data-testid="ci-plan-run"
        >
          {plan.isFetching ? 'Planning…' : requested ? 'Plan again' : 'Preview the plan'}
        </Button>
        {blocked ? <p className="ci-muted">{blocked}</p> : null}
      </div>
      <div ref={result} tabIndex={-1} className="ci-result" role="group" aria-label="Plan result" data-testid="ci-plan-result">
        {plan.error ? <ErrorView action="Plan" error={toAppError(plan.error)} /> : null}
        {requested && plan.data && !blocked ? <PlanStatements plan={plan.data} states={states} /> : null}
      </div>
    </StepSection>
  );
}
