import { useState } from 'react';
import type { ApplySummary as Summary } from '../../../../shared/contract/integration';
import type { PolicyPlanView } from '../../../../shared/contract/policies';
import type { PlanKind } from '../../../../shared/integration/plan-types';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';
import { Button } from '../../ui/button';
import { ApplySummary } from '../configure-integration/apply-summary';
import { downloadFile } from '../configure-integration/download-file';
import { pendingSteps } from '../configure-integration/plan-summary';
import { PlanStatements } from '../configure-integration/plan-statements';
import { usePolicyText } from './policy-text';

/** Preview the plan (or the uninstall), apply exactly that plan, export the scripts: step 2's engine and views. */
export function PolicyPlanPanel() {
  const { text, format } = usePolicyText();
  const [view, setView] = useState<PolicyPlanView | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [summary, setSummary] = useState<Summary | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const plan = useChannelMutation('policies', 'plan', { onSuccess: (v) => setView(v), onError: (e) => setFailure(toAppError(e)) });
  const apply = useChannelMutation('policies', 'apply', {
    onSuccess: (s) => {
      setSummary(s);
      setView(undefined);
      announce(`${s.kind === 'uninstall' ? 'Uninstall' : 'Apply'} finished: ${s.ran} statements ran, ${s.failed} failed.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const exportScripts = useChannelMutation('policies', 'exportScripts', {
    onSuccess: (files) => {
      for (const f of files) downloadFile(f);
      announce(`${files.map((f) => f.name).join(' and ')} downloaded.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const preview = (kind: PlanKind) => {
    setFailure(undefined);
    setSummary(undefined);
    plan.mutate({ text, format, kind });
  };
  const run = () => {
    if (!view || apply.isPending) return;
    const id = newTaskId({ step: 'map-users-policies', subStep: 'policies' });
    setTaskId(id);
    setFailure(undefined);
    apply.mutate({ text, format, kind: view.plan.kind, planHash: view.plan.hash, taskId: id });
  };
  const pending = view ? pendingSteps(view.plan) : 0;
  const noText = text.trim() === '' ? 'Write or import the policies first.' : undefined;
  return (
    <section className="mp-plan" aria-label="Plan and apply the policies">
      <div className="mp-editor__actions">
        <Button className="button" disabledReason={noText} busy={plan.isPending} onClick={() => preview('setup')} data-testid="mp-plan">
          Preview the plan
        </Button>
        <Button className="button" disabledReason={noText} onClick={() => preview('uninstall')} data-testid="mp-plan-uninstall">
          Preview the uninstall
        </Button>
        <Button className="button" disabledReason={noText} busy={exportScripts.isPending} onClick={() => exportScripts.mutate({ text, format })} data-testid="mp-export">
          Export the scripts
        </Button>
      </div>
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action="Plan the policies" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {view ? (
        <>
          {view.notes.map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
          <PlanStatements plan={view.plan} />
          {pending > 0 ? (
            <button type="button" className={`button ${view.plan.kind === 'uninstall' ? 'button--danger' : 'button--primary'}`} aria-busy={apply.isPending} onClick={run} data-testid="mp-apply">
              {apply.isPending ? 'Applying…' : `${view.plan.kind === 'uninstall' ? 'Uninstall' : 'Apply'}: ${pending} statement${pending === 1 ? '' : 's'}`}
            </button>
          ) : (
            <p data-testid="mp-nothing">Nothing to {view.plan.kind === 'uninstall' ? 'remove' : 'apply'}: the workspace already matches every statement.</p>
          )}
        </>
      ) : null}
      {task ? <ProgressView task={task} /> : null}
      {summary ? <ApplySummary summary={summary} /> : null}
    </section>
  );
}
