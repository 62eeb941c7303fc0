import type { ApplySummary as Summary } from '../../../../shared/contract/integration';

/** What an apply did: ran, skipped, failed, how long, where the manifest went, and the first failure. */
export function ApplySummary({ summary }: { readonly summary: Summary }) {
  const ok = summary.failed === 0 && summary.failure === null;
  return (
    <div className={`notice ci-summary ci-summary--${ok ? 'ok' : 'failed'}`} data-testid="ci-apply-summary" role="status">
      <p>
        <strong>
          {summary.kind === 'uninstall' ? 'Uninstall' : 'Set-up'} {ok ? 'finished' : 'stopped'}
          {summary.resumed ? ' (resumed an interrupted run)' : ''}.
        </strong>{' '}
        {summary.ran} statements ran, {summary.skipped} skipped (unchanged or already done), {summary.failed} failed, in {(summary.durationMs / 1000).toFixed(1)} s.
      </p>
      {summary.manifestPath ? (
        <p>
          Manifest written to <code>{summary.manifestPath}</code>.
        </p>
      ) : null}
      {summary.failure ? (
        <p>
          Stopped at <code>{summary.failure.stepId}</code>: {summary.failure.message}
          {summary.failure.hint ? ` What to do: ${summary.failure.hint}` : ''}
        </p>
      ) : null}
    </div>
  );
}
