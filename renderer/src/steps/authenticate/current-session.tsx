import { useId } from 'react';
import type { SessionState } from '../../../../shared/contract/session';

/** Who is signed in where, with groups and admin status; or plainly that nobody is. */
export function CurrentSession({ session }: { readonly session: SessionState | undefined }) {
  const headingId = useId();
  const identity = session?.identity;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="current-session">
      <h3 id={headingId} className="card__title">
        Current session
      </h3>
      {session === undefined ? (
        <p>Loading…</p>
      ) : identity && session.workspace ? (
        <dl className="pairs">
          <dt>Workspace</dt>
          <dd>{session.workspace.url}</dd>
          <dt>Identity</dt>
          <dd>
            {identity.displayName} ({identity.userName}){identity.admin ? ', workspace admin' : ''}
          </dd>
          <dt>Groups</dt>
          <dd>{identity.groups.length > 0 ? identity.groups.join(', ') : 'none'}</dd>
        </dl>
      ) : (
        <p>No workspace is connected yet. Steps 2 to 4 open once you are signed in.</p>
      )}
    </section>
  );
}
