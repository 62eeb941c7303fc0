import type { ApplySummary } from '../../../../shared/contract/integration';

/** What writing the mapping did: statements run, skipped and failed, and the first failure with what to do. */
export function UsersApplySummary({ summary }: { readonly summary: ApplySummary }) {
  const ok = summary.failed === 0 && summary.failure === null;
  return (
    <div className={`notice ci-summary ci-summary--${ok ? 'ok' : 'failed'}`} role="status" data-testid="us-apply-summary">
      <p>
        <strong>
          {ok ? 'Mapping and attributes written' : 'Writing stopped'}
          {summary.resumed ? ' (resumed an interrupted run)' : ''}.
        </strong>{' '}
        {summary.ran} statements ran, {summary.skipped} skipped (already done), {summary.failed} failed, in {(summary.durationMs / 1000).toFixed(1)} s.
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
