import { useId, useState, type ChangeEvent } from 'react';
import type { PolicyValidation } from '../../../../shared/contract/policies';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { setPolicyText, usePolicyText } from './policy-text';
import { SAMPLE_POLICIES } from './sample-policies';

/** Writing or importing the policy file (JSON or YAML), and checking it against the workspace. */
export function PolicyEditor() {
  const id = useId();
  const { text, format } = usePolicyText();
  const [result, setResult] = useState<PolicyValidation | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const validate = useChannelMutation('policies', 'validate', {
    onSuccess: (r) => {
      setResult(r);
      announce(r.valid ? `${r.policies} policies are valid.` : `${r.problems.length} problems in the policies.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const name = file.name.toLowerCase();
    setPolicyText(await file.text(), name.endsWith('.json') ? 'json' : name.endsWith('.yaml') || name.endsWith('.yml') ? 'yaml' : 'auto');
    setResult(undefined);
    announce(`${file.name} imported.`);
  };
  return (
    <section className="mp-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Policy file</h3>
      <p className="ci-muted">
        JSON or YAML: <code>{'{"policies":[…]}'}</code>, each policy a grant, a column mask (by column or by tag) or a row filter (by user attribute or by group).
      </p>
      <div className="mp-editor__actions">
        <label className="button" htmlFor={`${id}-file`}>
          Import a file…
        </label>
        <input id={`${id}-file`} className="visually-hidden" type="file" accept=".json,.yaml,.yml,application/json" onChange={(e) => void importFile(e)} data-testid="mp-policy-file" />
        <button type="button" className="button" onClick={() => setPolicyText(SAMPLE_POLICIES, 'json')} data-testid="mp-policy-sample">
          Start from the sample
        </button>
      </div>
      <label htmlFor={`${id}-text`}>Policies</label>
      <textarea
        id={`${id}-text`}
        className="mp-editor__text"
        spellCheck={false}
        rows={14}
        value={text}
        onChange={(e) => {
          setPolicyText(e.target.value, format === 'auto' ? 'auto' : format);
          setResult(undefined);
        }}
        data-testid="mp-policy-text"
      />
      <div className="mp-editor__actions">
        <button type="button" className="button button--primary" aria-busy={validate.isPending} onClick={() => (setFailure(undefined), validate.mutate({ text, format }))} data-testid="mp-validate">
          {validate.isPending ? 'Checking…' : 'Check the policies'}
        </button>
      </div>
      {failure ? <ErrorView action="Check the policies" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {result ? <ValidationResult result={result} /> : null}
    </section>
  );
}

function ValidationResult({ result }: { readonly result: PolicyValidation }) {
  return (
    <div className={`notice ${result.valid ? '' : 'notice--error'}`} role="status" data-testid="mp-validation">
      <p>
        <strong>{result.valid ? `${result.policies} policies are valid.` : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`}</strong>
        {result.abac === null ? '' : result.abac ? ' Tag masks become ABAC policies.' : ' This workspace runs no ABAC policies: tag masks are set on each tagged column.'}
      </p>
      {result.problems.length > 0 ? (
        <ul data-testid="mp-problems">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {result.notes.length > 0 ? (
        <ul>
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
