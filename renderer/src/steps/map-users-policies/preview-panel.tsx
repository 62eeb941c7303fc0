import { useId, useState } from 'react';
import type { PolicyPreview } from '../../../../shared/contract/policies';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Button } from '../../ui/button';
import { usePolicyText } from './policy-text';
import { PreviewResult } from './preview-result';

/**
 * Preview as a user: a principal and a table, then the first rows as that principal would see them beside what you
 * see, masked columns and the rows the filter hides marked. Databricks has no impersonation: main evaluates the
 * policy functions for the principal and its groups.
 */
export function PreviewPanel() {
  const id = useId();
  const { text, format } = usePolicyText();
  const [principal, setPrincipal] = useState('');
  const [table, setTable] = useState('');
  const [result, setResult] = useState<PolicyPreview | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const preview = useChannelMutation('policies', 'preview', {
    onSuccess: (r) => {
      setResult(r);
      announce(`${r.rows.length} rows shown as ${r.principal}; ${r.hiddenRows} hidden.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const missing = text.trim() === '' ? 'Write or import the policies first (Policies).' : principal.trim() === '' || table.trim() === '' ? 'Give a principal and a table.' : undefined;
  return (
    <section className="mp-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Preview as a user</h3>
      <form
        className="mp-preview__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (missing) return;
          setFailure(undefined);
          preview.mutate({ text, format, principal: principal.trim(), table: table.trim(), limit: 20 });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-who`}>Principal (user name or service principal application id)</label>
          <input id={`${id}-who`} value={principal} onChange={(e) => setPrincipal(e.target.value)} spellCheck={false} autoComplete="off" data-testid="mp-preview-principal" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-table`}>Table (catalog.schema.table)</label>
          <input id={`${id}-table`} value={table} onChange={(e) => setTable(e.target.value)} spellCheck={false} autoComplete="off" data-testid="mp-preview-table" />
        </div>
        <Button type="submit" className="button button--primary" disabledReason={missing} busy={preview.isPending} data-testid="mp-preview-run">
          {preview.isPending ? 'Previewing…' : 'Preview'}
        </Button>
      </form>
      {failure ? <ErrorView action="Preview as a user" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {result ? <PreviewResult result={result} /> : null}
    </section>
  );
}
