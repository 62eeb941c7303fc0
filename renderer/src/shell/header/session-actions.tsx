import { useState } from 'react';
import type { SessionState } from '../../../../shared/contract/session';
import { toAppError } from '../../api/client-error';
import { useReauthenticate } from '../../api/hooks/session';
import { clearErrors, reportError } from '../../errors/error-store';
import { announce } from '../../status/announcer';
import { DisconnectDialog } from './disconnect-dialog';

/** Re-authenticate and Disconnect: always visible, whatever the step. */
export function SessionActions({ session }: { readonly session: SessionState | undefined }) {
  const [confirming, setConfirming] = useState(false);
  const reauthenticate = useReauthenticate({
    onSuccess: (state) => announce(state.identity ? `Signed in again as ${state.identity.displayName}.` : 'Signed in again.'),
    onError: (error) => reportError('Re-authenticate', toAppError(error)),
  });
  return (
    <div className="session-actions" role="group" aria-label="Session">
      <button
        type="button"
        className="button"
        aria-busy={reauthenticate.isPending}
        onClick={() => {
          // Not `disabled` while pending: that would drop keyboard focus to the page.
          if (reauthenticate.isPending) return;
          clearErrors('Re-authenticate');
          reauthenticate.mutate({});
        }}
      >
        {reauthenticate.isPending ? 'Re-authenticating…' : 'Re-authenticate'}
      </button>
      <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
        Disconnect
      </button>
      <DisconnectDialog open={confirming} session={session} onClose={() => setConfirming(false)} />
    </div>
  );
}
