import type { PolicyPreview } from '../../../../shared/contract/policies';
import { PreviewTable } from './preview-table';

/**
 * One preview: who and in which groups, the rows the filter hides, the columns masked for that principal, what the
 * preview could not show (the applied policies hide it from you too), then the principal's rows beside yours.
 */
export function PreviewResult({ result }: { readonly result: PolicyPreview }) {
  return (
    <div data-testid="mp-preview-result">
      <p role="status" data-testid="mp-preview-summary">
        As <strong>{result.principal}</strong> ({result.groups.length === 0 ? 'in no group' : `in ${result.groups.join(', ')}`}):{' '}
        <strong>{result.hiddenRows}</strong> of {result.totalRows} rows hidden by the row filter; {result.maskedColumns.length === 0 ? 'no column masked' : `masked: ${result.maskedColumns.join(', ')}`}.{' '}
        {result.source === 'deployed' ? 'Computed through the applied policy functions.' : 'Computed from the plan: not applied yet.'}
      </p>
      {result.notes.length > 0 ? (
        <ul className="mp-preview__notes" data-testid="mp-preview-notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="mp-preview__pair">
        <PreviewTable caption={`What ${result.principal} sees (first ${result.rows.length})`} columns={result.columns} rows={result.rows} masked={result.maskedColumns} testId="mp-preview-principal-rows" />
        <PreviewTable caption={`What you see (first ${result.installerRows.length})`} columns={result.columns} rows={result.installerRows} testId="mp-preview-installer-rows" />
      </div>
    </div>
  );
}
