import { useId, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract/app';
import { Fact } from './fact';

const MEMORY_ONLY_DEFAULT =
  'No OS keychain is available, so ucbridge keeps tokens in memory only and never writes them to disk. ' +
  'You will need to sign in again after a restart.';

/** Where secrets live. Memory-only gets a "Why?" disclosure with main's explanation. */
export function SecretStorageFact({ info }: { readonly info: AppInfo | undefined }) {
  const [open, setOpen] = useState(false);
  const noteId = useId();
  return (
    <Fact label="Secrets" testId="fact-secrets">
      {info === undefined ? (
        'Loading…'
      ) : info.secretStorage === 'keychain' ? (
        'OS keychain'
      ) : (
        <>
          Memory only{' '}
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={noteId}
            onClick={() => setOpen((o) => !o)}
          >
            Why?
          </button>
          <span id={noteId} className="fact__note" hidden={!open} data-testid="secret-storage-note">
            {info.secretStorageNote ?? MEMORY_ONLY_DEFAULT}
          </span>
        </>
      )}
    </Fact>
  );
}
