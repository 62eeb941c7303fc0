import { useState } from 'react';
import type { ApplySummary } from '../../../../../shared/contract/integration';
import type { Plan } from '../../../../../shared/integration/plan-types';
import type { AppError } from '../../../../../shared/result';
import { toAppError } from '../../../api/client-error';
import { useRegister, useRegistrationPlan } from '../../../api/hooks/metadata';
import { ErrorView } from '../../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../../progress/progress-store';
import { ProgressView } from '../../../progress/progress-view';
import { announce } from '../../../status/announcer';
import { Button } from '../../../ui/button';
import { pendingSteps } from '../../configure-integration/plan-summary';
import { PlanStatements } from '../../configure-integration/plan-statements';
import { RunSummary } from './run-summary';

interface PlanView {
  readonly plan: Plan;
  readonly inserts: number;
  readonly updates: number;
  readonly deletes: number;
}

export interface RegistrationPanelProps {
  readonly title: string;
  readonly previewLabel: string;
  /** Why the plan cannot be asked for now (unsaved rules, no snapshot), or undefined. */
  readonly blocked: string | undefined;
  readonly testId: string;
}

/**
 * The registry against the selection: the plan of inserts, updates and deletes first (every statement's SQL,
 * copyable), then exactly that plan run as a task through step 2's engine, with progress and Cancel.
 */
export function RegistrationPanel({ title, previewLabel, blocked, testId }: RegistrationPanelProps) {
  const [view, setView] = useState<PlanView | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [summary, setSummary] = useState<ApplySummary | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const plan = useRegistrationPlan({ onSuccess: (v) => setView(v), onError: (e) => setFailure(toAppError(e)) });
  const register = useRegister({
    onSuccess: (s) => {
      setSummary(s);
      setView(undefined);
      announce(`Registration finished: ${s.ran} statements ran, ${s.failed} failed.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const preview = () => {
    setFailure(undefined);
    setSummary(undefined);
    plan.mutate({});
  };
  const run = () => {
    if (!view) return;
    const id = newTaskId({ step: 'register-metadata', subStep: 'select' });
    setTaskId(id);
    setFailure(undefined);
    register.mutate({ taskId: id, planHash: view.plan.hash });
  };
  const pending = view ? pendingSteps(view.plan) : 0;
  return (
    <section className="rm-panel" aria-label={title} data-testid={testId}>
      <h3 className="rm-subtitle">{title}</h3>
      <div className="rm-actions">
        <Button className="button" busy={plan.isPending} disabledReason={blocked} onClick={preview} data-testid={`${testId}-plan`}>
          {previewLabel}
        </Button>
      </div>
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action={title} error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {view ? (
        <>
          <p data-testid={`${testId}-counts`}>
            Against the registry now: <strong>{view.inserts.toLocaleString('en')}</strong> to insert, <strong>{view.updates.toLocaleString('en')}</strong> to update,{' '}
            <strong>{view.deletes.toLocaleString('en')}</strong> to delete.
          </p>
          <PlanStatements plan={view.plan} />
          {pending > 0 ? (
            <Button className="button button--primary" busy={register.isPending} onClick={run} data-testid={`${testId}-run`}>
              {register.isPending ? 'Registering…' : `Register: ${pending} statement${pending === 1 ? '' : 's'}`}
            </Button>
          ) : (
            <p data-testid={`${testId}-nothing`}>Nothing to do: the registry already matches the selection.</p>
          )}
        </>
      ) : null}
      {task ? <ProgressView task={task} title="Registering the selected objects" /> : null}
      {summary ? <RunSummary what="Registration" summary={summary} testId={`${testId}-summary`} /> : null}
    </section>
  );
}
