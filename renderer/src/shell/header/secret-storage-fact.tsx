import type { AppInfo } from '../../../../shared/contract/app';
import { toAppError } from '../../api/client-error';
import { reportError } from '../../errors/error-store';
import { Lazy, lazyComponent } from '../../lib/lazy-component';
import { Fact } from './fact';

const MEMORY_ONLY_DEFAULT =
  'No OS keychain is available, so ucbridge keeps tokens in memory only and never writes them to disk. ' +
  'You will need to sign in again after a restart.';

// Loaded only where there is no keychain: Radix Popover, with the scroll lock and focus scope it brings, is then
// not in the first render's script, which every start waits for.
const why = lazyComponent(() => import('./secret-storage-why').then((m) => m.SecretStorageWhy));
const whyFailed = (error: unknown) => reportError('Show why secrets are kept in memory', toAppError(error));

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
          Memory only <Lazy component={why} wanted props={{ note: info.secretStorageNote ?? MEMORY_ONLY_DEFAULT }} onError={whyFailed} />
        </span>
      )}
    </Fact>
  );
}
