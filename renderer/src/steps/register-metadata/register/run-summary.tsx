import type { ApplySummary } from '../../../../../shared/contract/integration';

/** What a registration or tag publish did: statements run, skipped, failed, and the first failure with its fix. */
export function RunSummary({ what, summary, testId }: { readonly what: string; readonly summary: ApplySummary; readonly testId: string }) {
  const ok = summary.failed === 0 && summary.failure === null;
  return (
    <div className={`notice ci-summary ci-summary--${ok ? 'ok' : 'failed'}`} data-testid={testId} role="status">
      <p>
        <strong>
          {what} {ok ? 'finished' : 'stopped'}
          {summary.resumed ? ' (resumed an interrupted run)' : ''}.
        </strong>{' '}
        {summary.ran} statements ran, {summary.skipped} skipped (unchanged or already done), {summary.failed} failed, in {(summary.durationMs / 1000).toFixed(1)} s.
      </p>
      {summary.failure ? (
        <p>
          Stopped at <code>{summary.failure.stepId}</code>: {summary.failure.message}
          {summary.failure.hint ? ` What to do: ${summary.failure.hint}` : ''}
        </p>
      ) : null}
    </div>
  );
}
