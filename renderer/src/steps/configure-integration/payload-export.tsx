import { useId, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { downloadFile } from './download-file';
import { useExportPayload } from './use-integration';

/**
 * The integration payload for the governance product (seed 001's config object). Without the secret it downloads
 * here; with it, main saves it straight to a file the user picks: the secret never reaches this window.
 */
export function PayloadExport({ secretInVault }: { readonly secretInVault: boolean }) {
  const confirmId = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const payload = useExportPayload({ onError: (e) => setFailure(toAppError(e)) });
  const run = (includeSecret: boolean) => {
    if (payload.isPending) return;
    setFailure(undefined);
    payload.mutate(
      { includeSecret },
      {
        onSuccess: ({ file, savedTo: path }) => {
          if (file) downloadFile(file);
          setSavedTo(path);
          setConfirmed(false);
          announce(path ? `Payload with the secret saved to ${path}.` : 'Payload downloaded, without the secret.');
        },
      },
    );
  };
  return (
    <div className="ci-payload" data-testid="ci-payload">
      <button type="button" className="button" onClick={() => run(false)} aria-busy={payload.isPending}>
        Download payload (no secret)
      </button>
      {secretInVault ? (
        <div className="ci-payload__secret">
          <label className="checkbox" htmlFor={confirmId}>
            <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            <span>
              Include the service principal’s OAuth secret. The file will hold a live credential: give it only to the governance product, and delete it after.
            </span>
          </label>
          <button type="button" className="button button--danger-outline" disabled={!confirmed} onClick={() => run(true)}>
            Save payload with the secret…
          </button>
        </div>
      ) : null}
      {savedTo ? (
        <p role="status">
          Saved to <code>{savedTo}</code>.
        </p>
      ) : null}
      {failure ? <ErrorView action="Export payload" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </div>
  );
}
