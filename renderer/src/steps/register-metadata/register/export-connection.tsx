import { Download } from 'lucide-react';
import { useState } from 'react';
import { toAppError } from '../../../api/client-error';
import { useExportConnection } from '../../../api/hooks/metadata';
import { reportError } from '../../../errors/error-store';
import { announce } from '../../../status/announcer';
import { downloadFile } from '../../configure-integration/download-file';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Seed 002's "register a connection" payload for the governance product (no secret in it), as a download. */
export function ExportConnection() {
  const [key, setKey] = useState('unity-catalog');
  const exportIt = useExportConnection({
    onSuccess: (file) => {
      downloadFile(file);
      announce(`${file.name} downloaded.`);
    },
    onError: (e) => reportError('Export the connection', toAppError(e)),
  });
  const problem = KEY.test(key) ? undefined : 'Letters, digits, - and _ only, starting with a letter or digit, at most 128.';
  return (
    <section className="rm-panel" aria-labelledby="rm-export-title">
      <h3 id="rm-export-title" className="rm-subtitle">
        Connection for the governance product
      </h3>
      <form
        className="rm-add-rule"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) exportIt.mutate({ connectionKey: key });
        }}
      >
        <label className="rm-filters__field">
          Connection key
          <input className="input" value={key} spellCheck={false} aria-invalid={problem ? true : undefined} onChange={(e) => setKey(e.currentTarget.value)} data-testid="rm-connection-key" />
        </label>
        <button type="submit" className="button" aria-busy={exportIt.isPending} data-testid="rm-export-connection">
          <Download size={15} aria-hidden="true" />
          Download the connection payload
        </button>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
    </section>
  );
}
