import { ExternalLink } from 'lucide-react';
import { useId } from 'react';
import type { SignInProgress } from '../../../shared/contract/auth';
import { toAppError } from '../api/client-error';
import { useCancelTask } from '../api/hooks/task';
import { reportError } from '../errors/error-store';
import { useNow } from '../lib/use-now';
import { useTaskShownInPlace } from '../progress/progress-store';
import { CopyButton } from '../ui/copy-button';
import { formatRelative } from './session-facts';
import { useBrowserWait } from './use-browser-wait';
import './waiting-for-browser.css';

/**
 * "Waiting for your browser…", whichever step is open and whoever started the sign-in (step 1, or the header's
 * Re-authenticate): what to do, the sign-in link to copy (always, in case no browser appeared), and Cancel. It is
 * the sign-in task's only card: the task tray does not show it a second time.
 */
export function WaitingForBrowser() {
  const progress = useBrowserWait();
  return progress ? <Waiting progress={progress} /> : null;
}

function Waiting({ progress }: { readonly progress: SignInProgress }) {
  const headingId = useId();
  const now = useNow(5_000);
  useTaskShownInPlace(progress.taskId);
  const cancel = useCancelTask({ onError: (e) => reportError('Cancel sign-in', toAppError(e)) });
  return (
    <section className="waiting-for-browser" aria-labelledby={headingId} data-testid="waiting-for-browser" data-browser-opened={progress.browserOpened !== false}>
      <h3 id={headingId} className="waiting-for-browser__title">
        <ExternalLink size={18} />
        Waiting for your browser…
      </h3>
      <p>
        {progress.browserOpened === false
          ? 'ucbridge could not open a web browser on this computer. Copy the sign-in link and open it in your browser.'
          : 'Your browser should now show the workspace’s sign-in page: finish signing in there, then come back. If no browser window appeared, copy the sign-in link and open it yourself.'}
        {progress.deadline ? ` The link stops working ${formatRelative(progress.deadline, now)}.` : ''}
      </p>
      <p className="waiting-for-browser__note">
        If the browser shows “redirect_uri … not registered”, add the redirect URLs from step 1’s guide to your app connection.
        {progress.redirectUri ? ` This sign-in uses ${progress.redirectUri}.` : ''}
      </p>
      <div className="waiting-for-browser__actions">
        {progress.authorizeUrl ? <CopyButton value={progress.authorizeUrl} label="sign-in link" testId="copy-sign-in-link" /> : null}
        <button
          type="button"
          className="button"
          aria-busy={cancel.isPending}
          onClick={() => (cancel.isPending ? undefined : cancel.mutate({ taskId: progress.taskId }))}
          data-testid="cancel-sign-in"
        >
          Cancel sign-in
        </button>
      </div>
    </section>
  );
}
