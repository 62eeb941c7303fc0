import type { Plan } from '../../../../shared/integration/plan-types';
import { CopyButton } from '../../ui/copy-button';
import { ActionBadge } from './badges';
import { planCounts, planScript } from './plan-summary';
import { SqlCode } from './sql-code';
import type { StepStates } from './use-step-events';
import { StepStateBadge } from './step-state-badge';

export interface PlanStatementsProps {
  readonly plan: Plan;
  /** During and after an apply: each step's state. */
  readonly states?: StepStates;
}

/** Every statement of a plan, in order: what it does (and why), whether it changes anything, and its SQL. */
export function PlanStatements({ plan, states }: PlanStatementsProps) {
  const counts = planCounts(plan);
  return (
    <div className="ci-plan" data-testid={`ci-plan-${plan.kind}`}>
      <div className="ci-plan__head">
        <p className="ci-plan__counts" data-testid="ci-plan-counts">
          {plan.steps.length} statements: <strong>{counts.create}</strong> to create, <strong>{counts.change}</strong> to change, <strong>{counts.unchanged}</strong> unchanged
          {counts.drop > 0 ? (
            <>
              , <strong className="ci-plan__drops">{counts.drop}</strong> to drop (destroys data)
            </>
          ) : null}
          .
        </p>
        <CopyButton value={planScript(plan)} label="all statements" />
      </div>
      <ol className="ci-plan__steps">
        {plan.steps.map((step) => {
          const state = states?.get(step.id);
          return (
            <li key={step.id} className={`ci-plan__step ci-plan__step--${step.action}`} data-testid="plan-step" data-step-id={step.id} data-action={step.action} data-kind={step.rest ? 'rest' : 'sql'} data-state={state?.state ?? step.action}>
              <div className="ci-plan__meta">
                {/* One state per row: once the apply reached a step, what it did replaces what the plan expected. */}
                {state ? <StepStateBadge event={state} /> : <ActionBadge action={step.action} />}
                <span className="ci-plan__purpose">{step.purpose}</span>
                {step.target !== 'main' ? <span className="ci-muted"> on {step.target}</span> : null}
              </div>
              {step.rest ? (
                // A REST call is not SQL: shown as the request it is, never through the SQL colouring.
                <pre className="ci-sql ci-sql--rest" tabIndex={0} aria-label={`REST call: ${step.purpose}`}>
                  <code>
                    <span className="ci-sql__keyword">{step.rest.method}</span> {step.rest.path}
                  </code>
                </pre>
              ) : (
                <SqlCode sql={step.sql} label={`SQL: ${step.purpose}`} />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
