import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useUsersStatus } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { UsersDirectory } from './users-directory';
import { UsersImport } from './users-import';
import { UsersMatch } from './users-match';
import { UsersWritePanel } from './users-write-panel';
import './users.css';

/**
 * Step 3's Users part, in the order the work goes: import the governance product's users, read the directory, check
 * and correct the match, write the mapping and attributes. Main holds the state per workspace, so leaving the step
 * (or the window reloading) loses nothing but the view.
 */
export function UsersPanel({ integrationReady }: { readonly integrationReady: boolean }) {
  const status = useUsersStatus();
  const s = status.data;
  const failure: AppError | undefined = status.error ? toAppError(status.error) : undefined;
  const matchable = s?.imported != null && s.directory != null;
  const notReady = !integrationReady
    ? 'Set up the integration first: the mapping is written into its catalog.'
    : !matchable
      ? 'Import the users and read the directory first.'
      : undefined;
  return (
    <div className="us-panel" data-testid="us-panel">
      {failure ? <ErrorView action="Load the users" error={failure} onDismiss={() => void status.refetch()} /> : null}
      <UsersImport current={s?.imported ?? null} />
      <UsersDirectory current={s?.directory ?? null} />
      {matchable ? <UsersMatch key={`${s.imported?.importedAt}-${s.directory?.readAt}`} /> : null}
      <UsersWritePanel ready={notReady} />
    </div>
  );
}
