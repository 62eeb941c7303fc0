import type { RecentWorkspace } from '../../../../shared/contract/auth';
import { useForgetRecent } from './use-auth';

const METHOD: Readonly<Record<RecentWorkspace['method'], string>> = {
  'oauth-u2m': 'browser sign-in',
  'oauth-m2m': 'service principal',
  'token-federation': 'token federation',
  pat: 'personal access token',
};

/** Recently used workspaces; picking one fills the address and the sign-in settings used last time. */
export function RecentList({ recents, onPick }: { readonly recents: readonly RecentWorkspace[]; readonly onPick: (r: RecentWorkspace) => void }) {
  const forget = useForgetRecent();
  if (recents.length === 0) return null;
  return (
    <div className="auth-recents" data-testid="recent-workspaces">
      <h4>Recent</h4>
      <ul>
        {recents.map((r) => (
          <li key={r.url}>
            <button type="button" className="link-button" onClick={() => onPick(r)}>
              {r.label}
            </button>{' '}
            <span className="auth-muted">({METHOD[r.method]})</span>{' '}
            <button type="button" className="button button--quiet" aria-label={`Forget ${r.label}`} onClick={() => forget.mutate({ url: r.url })}>
              Forget
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
