import { useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';
import { useReveal } from '../../ui/use-reveal';
import { useChangingMutation } from './use-integration';

const STATE = {
  present: { icon: '✓', text: 'Present', tone: 'passed' },
  missing: { icon: '✗', text: 'Missing', tone: 'failed' },
  different: { icon: '~', text: 'Different', tone: 'warning' },
} as const;

/** After the script ran elsewhere: checks the workspace against the plan, statement by statement. */
export function VerifyPanel() {
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [checked, setChecked] = useState(0);
  const task = useTaskShownInPlace(taskId);
  const verify = useChangingMutation('verify', {
    onSuccess: (r) => {
      setChecked((n) => n + 1);
      announce(r.converged ? 'Verified: the workspace matches the plan.' : `Not yet: ${r.steps.filter((s) => s.state !== 'present').length} statements still to run.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const report = verify.data;
  const result = useReveal<HTMLDivElement>(checked, verify.data !== undefined && !verify.isPending);
  const outstanding = report?.steps.filter((s) => s.state !== 'present') ?? [];
  return (
    <div className="ci-verify" data-testid="ci-verify">
      <button type="button" className="button button--primary" aria-busy={verify.isPending} onClick={() => {
        if (verify.isPending) return;
        const id = newTaskId({ step: 'configure-integration', subStep: 'setup' });
        setTaskId(id);
        setFailure(undefined);
        verify.mutate({ taskId: id });
      }} data-testid="ci-verify-run">
        {verify.isPending ? 'Verifying…' : 'Verify the workspace'}
      </button>
      {task && task.state === 'running' ? <ProgressView task={task} /> : null}
      {failure ? <ErrorView action="Verify" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {report ? (
        <div role="status" data-testid="ci-verify-report" data-converged={report.converged} ref={result} tabIndex={-1}>
          <p>
            <strong>{report.converged ? 'Converged: every statement’s effect is in place.' : `${outstanding.length} of ${report.steps.length} statements are not in place yet.`}</strong>
          </p>
          {outstanding.length > 0 ? (
            <ul className="ci-verify__list">
              {outstanding.map((s) => (
                <li key={s.id} data-testid="verify-step" data-state={s.state}>
                  <span className={`ci-badge ci-badge--${STATE[s.state].tone}`}>
                    <span aria-hidden="true" className="ci-badge__icon">
                      {STATE[s.state].icon}
                    </span>
                    {STATE[s.state].text}
                  </span>{' '}
                  {s.purpose}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
