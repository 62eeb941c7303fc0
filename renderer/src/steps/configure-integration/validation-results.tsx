import type { ValidationReport } from '../../../../shared/integration/validation-types';
import { ValidationBadge } from './badges';
import { ValidationFix } from './validation-fix';

const when = (at: number) => new Date(at).toLocaleString();

/** One row per test: status (icon and word), what was checked, why, and the fix. */
export function ValidationResults({ report, onFixed }: { readonly report: ValidationReport; readonly onFixed: () => void }) {
  const counts = (['passed', 'warning', 'failed', 'skipped'] as const).map((s) => [s, report.tests.filter((t) => t.status === s).length] as const);
  return (
    <div data-testid="ci-validation-results" data-status={report.status}>
      <p>
        Overall <ValidationBadge status={report.status} /> — {counts.filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ')}. Checked {when(report.at)}.
      </p>
      <div className="ci-table-wrap">
        <table className="ci-table">
          <caption className="visually-hidden">Validation results</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Test</th>
              <th scope="col">Reason</th>
              <th scope="col">Fix</th>
            </tr>
          </thead>
          <tbody>
            {report.tests.map((t) => (
              <tr key={t.id} data-testid="validation-row" data-test-id={t.id} data-status={t.status}>
                <td>
                  <ValidationBadge status={t.status} />
                </td>
                <th scope="row">{t.name}</th>
                <td>{t.reason}</td>
                <td>{t.fix && t.status !== 'passed' ? <ValidationFix fix={t.fix} onFixed={onFixed} /> : <span className="ci-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
