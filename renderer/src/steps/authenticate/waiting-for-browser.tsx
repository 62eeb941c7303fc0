import { useId } from 'react';
import type { SignInProgress } from '../../../../shared/contract/auth';
import { toAppError } from '../../api/client-error';
import { useCancelTask } from '../../api/hooks/task';
import { reportError } from '../../errors/error-store';
import { useNow } from '../../lib/use-now';
import { formatRelative } from '../../session/session-facts';
import { CopyButton } from './copy-button';

/** "Waiting for your browser…": where the sign-in is, a copy-link fallback, and Cancel. */
export function WaitingForBrowser({ progress }: { readonly progress: SignInProgress }) {
  const headingId = useId();
  const now = useNow(5_000);
  const cancel = useCancelTask({ onError: (e) => reportError('Cancel sign-in', toAppError(e)) });
  return (
    <section className="card auth-waiting" aria-labelledby={headingId} data-testid="waiting-for-browser">
      <h3 id={headingId} className="card__title">
        Waiting for your browser…
      </h3>
      <p>
        {progress.browserOpened === false
          ? 'Your browser could not be opened. Copy the sign-in link and open it in your browser.'
          : 'Finish signing in in the browser window that opened, then come back here.'}
        {progress.deadline ? ` The link stops working ${formatRelative(progress.deadline, now)}.` : ''}
      </p>
      <p className="auth-muted">
        If the browser shows “redirect_uri … not registered”, add the redirect URLs from the guide to your app connection.
        {progress.redirectUri ? ` This sign-in uses ${progress.redirectUri}.` : ''}
      </p>
      <div className="auth-waiting__actions">
        {progress.authorizeUrl ? <CopyButton value={progress.authorizeUrl} label="sign-in link" /> : null}
        <button type="button" className="button" aria-busy={cancel.isPending} onClick={() => (cancel.isPending ? undefined : cancel.mutate({ taskId: progress.taskId }))} data-testid="cancel-sign-in">
          Cancel
        </button>
      </div>
    </section>
  );
}
