import { RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import type { DirectorySummary } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useReadDirectory } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { announce } from '../../status/announcer';

/** Reading the workspace's (or account's) users, groups and service principals through SCIM: a task with Cancel. */
export function UsersDirectory({ current }: { readonly current: DirectorySummary | null }) {
  const id = useId();
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const read = useReadDirectory({
    onSuccess: (d) => announce(`Directory read: ${d.users} users, ${d.groups} groups, ${d.servicePrincipals} service principals.`),
    onError: (e) => setFailure(toAppError(e)),
  });
  const start = () => {
    if (read.isPending) return;
    const t = newTaskId({ step: 'map-users-policies', subStep: 'users' });
    setTaskId(t);
    setFailure(undefined);
    read.mutate({ taskId: t });
  };
  return (
    <section className="us-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>2. Read the directory</h3>
      <p className="ci-muted">
        Users, groups and service principals through SCIM: the account’s when you signed in at account level (it has the external IDs), else the workspace’s. Nothing is created or
        changed.
      </p>
      <div className="mp-editor__actions">
        <button type="button" className="button" aria-busy={read.isPending} onClick={start} data-testid="us-read-directory">
          <RefreshCw size={16} aria-hidden="true" /> {current ? 'Read it again' : 'Read the directory'}
        </button>
        {current ? (
          <span role="status" data-testid="us-directory">
            {current.users} users, {current.groups} groups, {current.servicePrincipals} service principals from the {current.source} SCIM, read{' '}
            {new Date(current.readAt).toLocaleTimeString()}.
          </span>
        ) : null}
      </div>
      {task && task.state !== 'succeeded' ? <ProgressView task={task} /> : null}
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action="Read the directory" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </section>
  );
}
