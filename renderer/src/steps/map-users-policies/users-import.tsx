import { FileUp } from 'lucide-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import type { UsersImport as ImportResult } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useImportUsers } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { formatFor } from './users-file-format';

/**
 * The governance product's users file (CSV or JSON), picked or dropped. Main parses it and keeps it only when it has
 * no errors; the errors come back line-numbered and are listed here, so the file can be fixed and imported again.
 */
export function UsersImport({ current }: { readonly current: { readonly fileName: string; readonly users: number } | null }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const importFile = useImportUsers({
    onSuccess: (r) => {
      setResult(r);
      announce(r.accepted ? `${r.fileName}: ${r.users} users imported.` : `${r.fileName} was not imported: ${r.problems.length + r.moreProblems} problems.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const take = async (file: File | undefined) => {
    if (!file) return;
    setFailure(undefined);
    setResult(undefined);
    importFile.mutate({ text: await file.text(), fileName: file.name, format: formatFor(file.name) });
  };
  const drop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files[0]);
  };
  return (
    <section className="us-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>1. Import the governance product’s users</h3>
      <div
        className={`us-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="us-drop"
      >
        <p className="ci-muted">
          A CSV file with a header row, or a JSON array of objects. Columns <code>id</code> (required), <code>email</code>, <code>userName</code>, <code>externalId</code>,{' '}
          <code>displayName</code>, <code>active</code>, <code>kind</code>; every other column is an attribute. Drop the file here, or:
        </p>
        <button type="button" className="button" aria-busy={importFile.isPending} onClick={() => input.current?.click()} data-testid="us-import">
          <FileUp size={16} aria-hidden="true" /> {importFile.isPending ? 'Importing…' : 'Choose a users file…'}
        </button>
        <input
          ref={input}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => {
            void take(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="us-file"
        />
      </div>
      {failure ? <ErrorView action="Import the users file" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {result && !result.accepted ? <ImportProblems result={result} /> : null}
      {current ? (
        <p role="status" data-testid="us-imported">
          Imported: <strong>{current.fileName}</strong>, {current.users} {current.users === 1 ? 'entry' : 'entries'}
          {result?.accepted && result.attributes.length > 0 ? ` with attributes ${result.attributes.join(', ')}` : ''}.
        </p>
      ) : null}
    </section>
  );
}

function ImportProblems({ result }: { readonly result: ImportResult }) {
  const total = result.problems.length + result.moreProblems;
  return (
    <div className="notice notice--error" data-testid="us-import-problems">
      <p>
        <strong>
          {result.fileName} was not imported: {total} problem{total === 1 ? '' : 's'}.
        </strong>{' '}
        Nothing of it is kept; fix the lines below and import it again.
      </p>
      <ul className="us-problems">
        {result.problems.map((p, i) => (
          <li key={`${p.line}-${i}`}>
            <span className="us-problems__line">Line {p.line}:</span> {p.message}
          </li>
        ))}
      </ul>
      {result.moreProblems > 0 ? <p>…and {result.moreProblems} more.</p> : null}
    </div>
  );
}
