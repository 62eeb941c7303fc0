import { dismissError, useReportedErrors } from './error-store';
import { ErrorView } from './error-view';

/** The errors reported with `reportError()`, newest last, each dismissible. */
export function ErrorNotices() {
  const errors = useReportedErrors();
  if (errors.length === 0) return null;
  return (
    <div className="notices" data-testid="error-notices">
      {errors.map((r) => (
        <ErrorView key={r.id} action={r.action} error={r.error} onDismiss={() => dismissError(r.id)} />
      ))}
    </div>
  );
}
