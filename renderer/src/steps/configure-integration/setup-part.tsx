import type { UseQueryResult } from '@tanstack/react-query';
import type { IntegrationView } from '../../../../shared/contract/integration';
import type { SetupMode } from '../../../../shared/integration/config';
import type { Plan } from '../../../../shared/integration/plan-types';
import type { ClientError } from '../../api/client-error';
import { ApplyPanel } from './apply-panel';
import { ManualSetup } from './manual-setup';
import { ModeSection } from './mode-section';
import { PlanSection } from './plan-section';
import { StepSection } from './step-section';
import type { StepStates } from './use-step-events';

export interface SetupPartProps {
  readonly view: IntegrationView;
  /** The mode chosen in the form (the radio), and the saved one that decides Apply or Export below. */
  readonly chosenMode: SetupMode;
  readonly mode: SetupMode;
  readonly onMode: (mode: SetupMode) => void;
  readonly plan: UseQueryResult<Plan, ClientError>;
  readonly planRequested: boolean;
  /** Bumped by each Plan the user asked for: its answer is brought into view. */
  readonly planSeq: number;
  readonly blocked: string | undefined;
  readonly onPlan: () => void;
  readonly states: StepStates;
  readonly onApplyStarted: (taskId: string) => void;
}

/** Sub-step 3: automatic or manual, the plan, then apply it here or export it for someone else (and verify). */
export function SetupPart({ view, chosenMode, mode, onMode, plan, planRequested, planSeq, blocked, onPlan, states, onApplyStarted }: SetupPartProps) {
  return (
    <>
      <ModeSection mode={chosenMode} onChange={onMode} />
      <PlanSection plan={plan} requested={planRequested} revealSeq={planSeq} blocked={blocked} onRequest={onPlan} applying={view.status === 'applying'} states={states} />
      {/* Apply appears once there is something to apply or resume: before a plan it could only say "plan first". */}
      {mode === 'automatic' && (plan.data !== undefined || view.resumable === 'setup' || view.status === 'apply-error' || view.status === 'applying') ? (
        <StepSection title="Apply" testId="ci-apply" lead="Runs the previewed plan: dependencies first, a few statements at a time, each journaled so an interrupted run resumes.">
          {/* A new Plan asked for starts the panel afresh: the last summary belonged to the plan before. */}
          <ApplyPanel key={planSeq} plan={blocked ? undefined : plan.data} resumable={view.resumable === 'setup'} stopped={view.status === 'apply-error'} onStarted={onApplyStarted} />
        </StepSection>
      ) : mode === 'automatic' ? null : (
        <ManualSetup secretInVault={view.settings?.servicePrincipal.secretInVault ?? false} />
      )}
    </>
  );
}
