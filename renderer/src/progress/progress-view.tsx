import { useId } from 'react';
import type { TaskProgress } from '../../../shared/contract/task';
import { toAppError } from '../api/client-error';
import { useCancelTask } from '../api/hooks/task';
import { reportError } from '../errors/error-store';
import { announce } from '../status/announcer';
import { dismissTask } from './progress-store';
import './progress.css';

const STATE_TEXT: Readonly<Record<TaskProgress['state'], string>> = {
  running: 'In progress',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export interface ProgressViewProps {
  readonly task: TaskProgress & { readonly title?: string };
  /** What the task is ("Applying the set-up"); defaults to its first label. The current label shows under it. */
  readonly title?: string;
}

/**
 * One long task, titled with what it is (never its latest statement), the step it is on, how far it is (or an
 * indeterminate bar), and Cancel while it runs.
 */
export function ProgressView({ task, title: given }: ProgressViewProps) {
  const title = given ?? task.title ?? task.label;
  const labelId = useId();
  const cancel = useCancelTask({
    // When it worked, the task's own `cancelled` event says so (and may arrive before this answer does).
    onSuccess: ({ cancelled }) => {
      if (!cancelled) announce('That task had already stopped; nothing to cancel.');
    },
    onError: (error) => reportError('Cancel', toAppError(error)),
  });
  const determinate = task.total > 0;
  const running = task.state === 'running';

  return (
    <section className={`progress-view progress-view--${task.state}`} aria-labelledby={labelId} data-testid="progress-view" data-task-id={task.taskId}>
      <div className="progress-view__head">
        <h2 id={labelId} className="progress-view__label">
          {title}
        </h2>
        <span className="progress-view__state">{STATE_TEXT[task.state]}</span>
      </div>
      {task.label !== title && running ? <p className="progress-view__detail">{task.label}</p> : null}
      {determinate ? (
        <progress className="progress-view__bar" aria-labelledby={labelId} value={task.done} max={task.total} />
      ) : running ? (
        <progress className="progress-view__bar" aria-labelledby={labelId} />
      ) : (
        // A finished task without a count must not keep the moving (indeterminate) bar.
        <progress className="progress-view__bar" aria-labelledby={labelId} value={task.state === 'succeeded' ? 1 : 0} max={1} />
      )}
      <div className="progress-view__foot">
        <span className="progress-view__count">
          {determinate ? `${task.done} of ${task.total} (${Math.floor((task.done / task.total) * 100)}%)` : running ? 'Working…' : ''}
        </span>
        {running && task.cancellable ? (
          <button
            type="button"
            className="button"
            aria-busy={cancel.isPending}
            onClick={() => (cancel.isPending ? undefined : cancel.mutate({ taskId: task.taskId }))}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {running ? null : (
          <button type="button" className="button button--quiet" onClick={() => dismissTask(task.taskId)}>
            Dismiss
          </button>
        )}
      </div>
    </section>
  );
}
