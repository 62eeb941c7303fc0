import { useId } from 'react';
import type { SessionState } from '../../../../shared/contract/session';
import { useNow } from '../../lib/use-now';
import { describeToken } from '../../session/session-facts';

const METHOD: Readonly<Record<NonNullable<SessionState['authMethod']>, string>> = {
  'oauth-u2m': 'OAuth, signed in with your browser',
  'oauth-m2m': 'OAuth, service principal (M2M)',
  'token-federation': 'OAuth token federation',
  pat: 'Personal access token (legacy)',
};

/** Who is signed in where: from SCIM Me — user, display name, groups, admin or not — plus workspace id and token. */
export function IdentityCard({ session }: { readonly session: SessionState }) {
  const headingId = useId();
  const now = useNow();
  const { identity, workspace } = session;
  if (!identity || !workspace) return null;
  return (
    <section className="card auth-identity" aria-labelledby={headingId} data-testid="identity-card">
      <h3 id={headingId} className="card__title">
        Signed in as {identity.displayName}{' '}
        {identity.admin ? <span className="badge" data-testid="admin-badge">workspace admin</span> : null}
      </h3>
      <dl className="pairs">
        <dt>{identity.kind === 'service-principal' ? 'Application id' : 'User name'}</dt>
        <dd data-testid="identity-user">{identity.userName}</dd>
        <dt>Kind</dt>
        <dd>{identity.kind === 'service-principal' ? 'Service principal' : 'User'}</dd>
        <dt>Groups</dt>
        <dd data-testid="identity-groups">{identity.groups.length ? identity.groups.join(', ') : 'none'}</dd>
        <dt>Workspace</dt>
        <dd>
          {workspace.label} <code>{workspace.url}</code>
        </dd>
        {workspace.workspaceId ? (
          <>
            <dt>Workspace id</dt>
            <dd data-testid="workspace-id">{workspace.workspaceId}</dd>
          </>
        ) : null}
        {workspace.accountId ? (
          <>
            <dt>Account id</dt>
            <dd>{workspace.accountId}</dd>
          </>
        ) : null}
        <dt>Signed in with</dt>
        <dd>{session.authMethod ? METHOD[session.authMethod] : '—'}</dd>
        <dt>Token</dt>
        <dd data-testid="token-expiry">{describeToken(session.token, now)}</dd>
        <dt>Kept</dt>
        <dd>{session.persistence === 'keychain' ? 'In your OS keychain, encrypted' : 'In memory only: sign in again after restarting'}</dd>
      </dl>
    </section>
  );
}
