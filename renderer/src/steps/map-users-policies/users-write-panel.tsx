import { useId, useState } from 'react';
import type { ApplySummary as Summary } from '../../../../shared/contract/integration';
import type { UsersPlanView, WriteCounts } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useApplyUsers, usePlanUsers } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';
import { Button } from '../../ui/button';
import { Disclosure } from '../../ui/disclosure';
import { pendingSteps } from '../configure-integration/plan-summary';
import { PlanStatements } from '../configure-integration/plan-statements';
import { UsersApplySummary } from './users-apply-summary';

/**
 * Writing the mapping and the attributes into the integration catalog: first the plan (rows to insert, update and
 * delete in each table, and the statements), then exactly that plan applied with progress and Cancel.
 */
export function UsersWritePanel({ ready }: { readonly ready: string | undefined }) {
  const id = useId();
  const [view, setView] = useState<UsersPlanView | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [summary, setSummary] = useState<Summary | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const plan = usePlanUsers({ onSuccess: setView, onError: (e) => setFailure(toAppError(e)) });
  const apply = useApplyUsers({
    onSuccess: (s) => {
      setSummary(s);
      setView(undefined);
      announce(`Mapping written: ${s.ran} statements ran, ${s.failed} failed.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const run = () => {
    if (!view || apply.isPending) return;
    const t = newTaskId({ step: 'map-users-policies', subStep: 'users' });
    setTaskId(t);
    setFailure(undefined);
    apply.mutate({ taskId: t, planHash: view.plan.hash });
  };
  const pending = view ? pendingSteps(view.plan) : 0;
  return (
    <section className="us-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>4. Write the mapping and the attributes</h3>
      <p className="ci-muted">
        Into <code>entitlements.user_mapping</code> and <code>entitlements.principal_attributes</code> of the integration catalog, where row filters read the attributes. Users no
        longer in the file are removed from both.
      </p>
      <div className="mp-editor__actions">
        <Button className="button" disabledReason={ready} busy={plan.isPending} onClick={() => (setFailure(undefined), setSummary(undefined), plan.mutate({}))} data-testid="us-plan">
          Preview the changes
        </Button>
        {ready ? <span className="ci-muted">{ready}</span> : null}
      </div>
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action="Write the mapping" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {view ? (
        <>
          <table className="us-counts" data-testid="us-plan-counts">
            <caption className="visually-hidden">Rows each table gets</caption>
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Inserts</th>
                <th scope="col">Updates</th>
                <th scope="col">Deletes</th>
              </tr>
            </thead>
            <tbody>
              <CountsRow name="user_mapping" counts={view.mapping} />
              <CountsRow name="principal_attributes" counts={view.attributes} />
            </tbody>
          </table>
          {view.notes.map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
          <Disclosure summary={`The ${view.plan.steps.length} statements`} testId="us-plan-statements">
            <PlanStatements plan={view.plan} />
          </Disclosure>
          {pending > 0 ? (
            <div className="mp-editor__actions">
              <button type="button" className="button button--primary" aria-busy={apply.isPending} onClick={run} data-testid="us-apply">
                {apply.isPending ? 'Writing…' : `Write: ${pending} statement${pending === 1 ? '' : 's'}`}
              </button>
            </div>
          ) : (
            <p data-testid="us-nothing">Nothing to write: both tables already hold this mapping.</p>
          )}
        </>
      ) : null}
      {task ? <ProgressView task={task} /> : null}
      {summary ? <UsersApplySummary summary={summary} /> : null}
    </section>
  );
}

function CountsRow({ name, counts }: { readonly name: string; readonly counts: WriteCounts }) {
  return (
    <tr data-testid={`us-counts-${name}`}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>{counts.inserts}</td>
      <td>{counts.updates}</td>
      <td>{counts.deletes}</td>
    </tr>
  );
}
