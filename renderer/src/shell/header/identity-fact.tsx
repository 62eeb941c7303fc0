import type { SessionState } from '../../../../shared/contract/session';
import { Fact } from './fact';

export function IdentityFact({ session }: { readonly session: SessionState | undefined }) {
  const identity = session?.identity;
  return (
    <Fact label="Signed in as" testId="fact-identity">
      {session === undefined ? (
        'Loading…'
      ) : identity ? (
        <span title={identity.userName}>
          {identity.displayName}
          {identity.kind === 'service-principal' ? <span className="fact__aside"> (service principal)</span> : null}
          {identity.admin ? <span className="badge">admin</span> : null}
        </span>
      ) : (
        'Not signed in'
      )}
    </Fact>
  );
}
