import { CircleAlert } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/result';
import { announce } from '../status/announcer';
import { ERROR_TITLES } from './error-copy';
import { RecentLog } from './recent-log';
import { useCopyDetails } from './use-copy-details';
import './errors.css';

export interface ErrorViewProps {
  /** What the user was doing, e.g. "Disconnect"; it heads the copied details. */
  readonly action: string;
  readonly error: AppError;
  readonly onDismiss?: () => void;
  /** A ready-made dismiss control instead of onDismiss (a toast's own Close). */
  readonly dismiss?: ReactNode;
  /** The fix as a button, when the app can do it ("Start the local sandbox"), first in the row. */
  readonly fix?: ReactNode;
  /** Announce the failure when it appears (role="alert"); off inside a toast, which announces itself. */
  readonly announce?: boolean;
}

/** One error, in plain language: title, message, what to do, and "Copy details" for support. */
export function ErrorView({ action, error, onDismiss, dismiss, fix, announce: alert = true }: ErrorViewProps) {
  const titleId = useId();
  const copyDetails = useCopyDetails();
  const [busy, setBusy] = useState(false);
  const [manualText, setManualText] = useState<string | null>(null);

  const onCopy = async () => {
    setBusy(true);
    const outcome = await copyDetails(action, error);
    setBusy(false);
    setManualText(outcome.copied ? null : outcome.text);
    announce(outcome.copied ? 'Details copied to the clipboard.' : 'Copying was refused: select the details and copy them.');
  };

  return (
    <section className="error-view" aria-labelledby={titleId} data-testid="error-view" data-code={error.code}>
      {/* Only what happened is announced; the buttons and the live log below it are not. */}
      <div role={alert ? 'alert' : undefined}>
        <h2 id={titleId} className="error-view__title">
          <CircleAlert size={18} className="error-view__icon" />
          <span>
            {action}: {ERROR_TITLES[error.code]}
          </span>
        </h2>
        <p className="error-view__message">{error.message}</p>
        {error.hint ? (
          <p className="error-view__hint">
            <strong>What to do: </strong>
            {error.hint}
          </p>
        ) : null}
      </div>
      <div className="error-view__actions">
        {fix}
        {/* Not `disabled` while busy: that would drop keyboard focus to the page. */}
        <button type="button" className="button" onClick={() => void (busy ? undefined : onCopy())} aria-busy={busy}>
          {busy ? 'Copying…' : 'Copy details'}
        </button>
        {dismiss ??
          (onDismiss ? (
            <button type="button" className="button button--quiet" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null)}
      </div>
      <RecentLog />
      {manualText === null ? null : (
        <label className="error-view__manual">
          Details to copy
          <textarea readOnly rows={8} value={manualText} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </section>
  );
}
