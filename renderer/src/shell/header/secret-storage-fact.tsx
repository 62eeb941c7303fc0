import type { AppInfo } from '../../../../shared/contract/app';
import { Popover } from '../../ui/popover';
import { Fact } from './fact';

const MEMORY_ONLY_DEFAULT =
  'No OS keychain is available, so ucbridge keeps tokens in memory only and never writes them to disk. ' +
  'You will need to sign in again after a restart.';

/** Where secrets live. Memory-only gets a "Why?" popover with main's explanation. */
export function SecretStorageFact({ info }: { readonly info: AppInfo | undefined }) {
  return (
    <Fact label="Secrets" testId="fact-secrets">
      {info === undefined ? (
        'Loading…'
      ) : info.secretStorage === 'keychain' ? (
        'OS keychain'
      ) : (
        <span>
          Memory only{' '}
          <Popover
            label="Why memory only"
            testId="secret-storage-note"
            trigger={
              <button type="button" className="link-button">
                Why?
              </button>
            }
          >
            <p>{info.secretStorageNote ?? MEMORY_ONLY_DEFAULT}</p>
          </Popover>
        </span>
      )}
    </Fact>
  );
}
