import { useState } from 'react';
import type { Warehouse } from '../../../../shared/contract/integration';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';
import { CopyButton } from '../../ui/copy-button';
import { WarehouseStateBadge } from './badges';
import type { ConfigForm } from './form-state';
import { StepSection } from './step-section';
import { useChangingMutation, useWarehouses } from './use-integration';

export interface WarehouseSectionProps {
  readonly form: ConfigForm;
  readonly patch: (p: Partial<ConfigForm>) => void;
  readonly problem: string | undefined;
}

/** Which SQL warehouse runs the set-up: listed from the workspace; a stopped one can be started here. */
export function WarehouseSection({ form, patch, problem }: WarehouseSectionProps) {
  const warehouses = useWarehouses();
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const choose = (w: Warehouse) => patch({ warehouseId: w.id, httpPath: w.httpPath });
  const start = useChangingMutation('startWarehouse', {
    onSuccess: (w) => {
      choose(w);
      announce(`${w.name} is running.`);
    },
    onError: (e) => {
      const error = toAppError(e);
      if (error.code !== 'CANCELLED') setFailure(error);
    },
  });
  const list = warehouses.data ?? [];
  const chosen = list.find((w) => w.id === form.warehouseId);
  const problemId = 'ci-warehouse-problem';

  return (
    <StepSection title="Warehouse" testId="ci-warehouse" lead="Runs the set-up statements; the governance product connects to it.">
      {warehouses.isPending ? <p className="loading">Listing the workspace’s SQL warehouses…</p> : null}
      {warehouses.error ? <ErrorView action="List warehouses" error={toAppError(warehouses.error)} /> : null}
      {list.length > 0 ? (
        <div className="ci-options" role="radiogroup" aria-label="SQL warehouse" aria-invalid={problem ? true : undefined} aria-describedby={problem ? problemId : undefined}>
          {list.map((w) => (
            <div key={w.id} className="ci-option" data-testid="warehouse-option">
              <label className="ci-option__label">
                <input type="radio" name="ci-warehouse" checked={form.warehouseId === w.id} onChange={() => choose(w)} aria-invalid={problem ? true : undefined} />
                <span>
                  <strong>{w.name}</strong> <WarehouseStateBadge state={w.state} />
                  <span className="ci-muted">
                    {' '}
                    {[w.clusterSize, w.serverless ? 'serverless' : undefined].filter(Boolean).join(', ')}
                  </span>
                </span>
              </label>
              {w.state === 'STOPPED' ? (
                <button type="button" className="button" aria-busy={start.isPending} onClick={() => {
                  if (start.isPending) return;
                  const id = newTaskId({ step: 'configure-integration', subStep: 'settings' });
                  setTaskId(id);
                  setFailure(undefined);
                  start.mutate({ taskId: id, warehouseId: w.id });
                }}>
                  Start {w.name}
                </button>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {problem ? (
        <p id={problemId} className="ci-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {task ? <ProgressView task={task} /> : null}
      {failure ? <ErrorView action="Start warehouse" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {form.httpPath ? (
        <p className="ci-path" data-testid="warehouse-http-path">
          HTTP path{chosen && chosen.state !== 'RUNNING' ? ' (the warehouse starts when first used)' : ''}: <code>{form.httpPath}</code> <CopyButton value={form.httpPath} label="HTTP path" />
        </p>
      ) : null}
    </StepSection>
  );
}
