import type { SessionState } from '../../../../shared/contract/session';
import { TruncatedText } from '../../ui/truncated-text';
import { Fact } from './fact';

export function IdentityFact({ session }: { readonly session: SessionState | undefined }) {
  const identity = session?.identity;
  return (
    <Fact label="Signed in as" testId="fact-identity">
      {session === undefined ? (
        'Loading…'
      ) : identity ? (
        <span className="fact__row">
          <TruncatedText text={`${identity.displayName}${identity.kind === 'service-principal' ? ' (service principal)' : ''} — ${identity.userName}`} />
          {identity.admin ? <span className="badge">admin</span> : null}
        </span>
      ) : (
        'Not signed in'
      )}
    </Fact>
  );
}
