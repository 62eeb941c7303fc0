import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { ApplyPanel } from './apply-panel';
import { DropConfirm, dropConfirmed } from '../../ui/drop-confirm';
import { ExportScripts } from './export-scripts';
import { PlanStatements } from './plan-statements';
import { usePlan } from './use-integration';
import { useState } from 'react';
import { useStepEvents } from './use-step-events';
import { useReveal } from '../../ui/use-reveal';

/**
 * The uninstall plan, previewed, then run here or exported as uninstall.sql for someone else. A plan that drops the
 * integration catalog runs only once its name is typed.
 */
export function UninstallPanel({ resumable, catalog }: { readonly resumable: boolean; readonly catalog: string }) {
  const plan = usePlan('uninstall', true);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const states = useStepEvents(taskId);
  // Opening Uninstall… asks for this plan: it is the answer, brought into view once it is there.
  const planned = useReveal<HTMLDivElement>(1, !plan.isFetching && (plan.data !== undefined || plan.error !== null));
  const drops = plan.data?.steps.some((s) => s.action === 'drop') ?? false;
  return (
    <div className="ci-uninstall" data-testid="ci-uninstall">
      <h4>Uninstall plan</h4>
      {plan.isPending ? <p className="loading">Planning the uninstall…</p> : null}
      {plan.error ? <ErrorView action="Plan uninstall" error={toAppError(plan.error)} /> : null}
      {(plan.data?.warnings ?? []).map((w) => (
        <p key={w} className="notice" role="note" data-testid="ci-uninstall-warning">
          {w}
        </p>
      ))}
      <div ref={planned} tabIndex={-1} className="ci-result" role="group" aria-label="Uninstall plan">
        {plan.data ? <PlanStatements plan={plan.data} states={states} /> : null}
      </div>
      <div className="ci-two-columns">
        <div>
          <h5>Run it now</h5>
          {drops ? <DropConfirm catalog={catalog} value={typed} onChange={setTyped} /> : null}
          <ApplyPanel plan={plan.data} resumable={resumable} onStarted={setTaskId} confirmed={dropConfirmed(drops, catalog, typed)} />
        </div>
        <div>
          <h5>Or hand it over</h5>
          <ExportScripts only={['uninstall.sql']} />
        </div>
      </div>
    </div>
  );
}
