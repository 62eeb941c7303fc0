import { useState } from 'react';
import type { ApplySummary as Summary } from '../../../../shared/contract/integration';
import type { Plan } from '../../../../shared/integration/plan-types';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';
import { useReveal } from '../../ui/use-reveal';
import { ApplySummary } from './apply-summary';
import { pendingSteps } from './plan-summary';
import { useChangingMutation } from './use-integration';

export interface ApplyPanelProps {
  readonly plan: Plan | undefined;
  /** A journal from an interrupted apply of this plan kind exists. */
  readonly resumable: boolean;
  /** The last apply of this kind stopped (failed or cancelled): offer to run it again even when nothing is pending. */
  readonly stopped?: boolean;
  readonly onStarted: (taskId: string) => void;
  readonly onFinished?: (summary: Summary) => void;
  /** False while a confirmation the plan needs is missing (an uninstall that drops: the catalog's name typed). */
  readonly confirmed?: boolean;
}

/** Runs the previewed plan (set-up or uninstall): progress with Cancel, per-step states on the plan, a summary. */
export function ApplyPanel({ plan, resumable, stopped = false, onStarted, onFinished, confirmed = true }: ApplyPanelProps) {
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [finished, setFinished] = useState(0);
  const task = useTaskShownInPlace(taskId);
  const apply = useChangingMutation('apply', {
    onSuccess: (summary) => {
      announce(`${summary.kind === 'uninstall' ? 'Uninstall' : 'Set-up'} finished: ${summary.ran} statements ran, ${summary.failed} failed.`);
      setFinished((n) => n + 1);
      onFinished?.(summary);
    },
    onError: (e) => {
      setFailure(toAppError(e));
      setFinished((n) => n + 1);
    },
  });
  const result = useReveal<HTMLDivElement>(finished, !apply.isPending);
  const pending = plan ? pendingSteps(plan) : 0;
  const what = plan?.kind === 'uninstall' ? 'uninstall' : 'set-up';
  const start = () => {
    if (!plan || apply.isPending || !confirmed) return;
    const id = newTaskId({ step: 'configure-integration', subStep: plan.kind === 'uninstall' ? 'manage' : 'setup' });
    setTaskId(id);
    setFailure(undefined);
    onStarted(id);
    apply.mutate({ taskId: id, kind: plan.kind, planHash: plan.hash });
  };
  return (
    <div className="ci-apply" data-testid={`ci-apply-${plan?.kind ?? 'setup'}`}>
      {resumable ? (
        <p className="notice" data-testid="ci-resumable">
          An earlier {what} was interrupted. Applying resumes where it stopped: steps already done are not run again.
        </p>
      ) : null}
      {!plan ? <p className="ci-muted">Preview the plan first: only a previewed plan is applied.</p> : null}
      {plan && (pending > 0 || resumable || stopped) ? (
        <button type="button" className={`button ${plan.kind === 'uninstall' ? 'button--danger' : 'button--primary'}`} aria-busy={apply.isPending} disabled={!confirmed} onClick={start} data-testid="ci-apply-run">
          {apply.isPending ? 'Applying…' : `${resumable ? 'Resume' : stopped ? 'Apply again' : 'Apply'} ${what}: ${pending} statement${pending === 1 ? '' : 's'}`}
        </button>
      ) : null}
      {task ? <ProgressView task={task} title={what === 'uninstall' ? 'Uninstalling the integration' : 'Setting up the integration'} /> : null}
      <div ref={result} tabIndex={-1} className="ci-result" role="group" aria-label={`${what === 'uninstall' ? 'Uninstall' : 'Set-up'} result`} data-testid="ci-apply-result">
        {failure && failure.code !== 'CANCELLED' ? <ErrorView action={`Apply ${what}`} error={failure} onDismiss={() => setFailure(undefined)} /> : null}
        {failure?.code === 'CANCELLED' ? <p className="notice">Cancelled. What ran is journaled: apply again to resume.</p> : null}
        {apply.data ? <ApplySummary summary={apply.data} /> : null}
      </div>
      {/* After an apply its summary is the answer: the plan, read again, matching now is no news. */}
      {plan && pending === 0 && !resumable && !stopped && !apply.data ? (
        <p data-testid="ci-nothing-to-apply">Nothing to apply: the workspace already matches every statement.</p>
      ) : null}
    </div>
  );
}
