import { useCallback, useId, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract/app';
import { useDismiss } from '../../lib/use-dismiss';
import { Fact } from './fact';

const MEMORY_ONLY_DEFAULT =
  'No OS keychain is available, so ucbridge keeps tokens in memory only and never writes them to disk. ' +
  'You will need to sign in again after a restart.';

/** Where secrets live. Memory-only gets a "Why?" disclosure with main's explanation. */
export function SecretStorageFact({ info }: { readonly info: AppInfo | undefined }) {
  const [open, setOpen] = useState(false);
  const noteId = useId();
  const ref = useDismiss<HTMLSpanElement>(open, useCallback(() => setOpen(false), []));
  return (
    <Fact label="Secrets" testId="fact-secrets">
      {info === undefined ? (
        'Loading…'
      ) : info.secretStorage === 'keychain' ? (
        'OS keychain'
      ) : (
        <span ref={ref}>
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
        </span>
      )}
    </Fact>
  );
}
