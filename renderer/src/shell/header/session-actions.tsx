import { KeyRound, LogOut } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { SessionState } from '../../../../shared/contract/session';
import { toAppError } from '../../api/client-error';
import { useReauthenticate } from '../../api/hooks/session';
import { clearErrors, reportError } from '../../errors/error-store';
import { Lazy, lazyComponent } from '../../lib/lazy-component';
import { notify } from '../../notices/notice-store';
import { Button } from '../../ui/button';

/** Loaded when Disconnect is first pointed at, focused or pressed: Radix's dialog code is not in the first render's script. */
const disconnectDialog = lazyComponent(() => import('./disconnect-dialog').then((m) => m.DisconnectDialog));

/** Why the session actions cannot run yet: there is no workspace to re-authenticate to or disconnect from. */
export const NO_SESSION_REASON = 'Not signed in: sign in to a workspace first (step 1).';

/** Re-authenticate and Disconnect: always visible, whatever the step; disabled, with the reason, while signed out. */
export function SessionActions({ session }: { readonly session: SessionState | undefined }) {
  const [confirming, setConfirming] = useState(false);
  const dialogFailed = useCallback((error: unknown) => {
    reportError('Disconnect', toAppError(error));
    setConfirming(false);
  }, []);
  const prefetch = () => void disconnectDialog.load().catch(() => undefined);
  const reauthenticate = useReauthenticate({
    onSuccess: (state) => notify(state.identity ? `Signed in again as ${state.identity.displayName}.` : 'Signed in again.'),
    onError: (error) => reportError('Re-authenticate', toAppError(error)),
  });
  // A session whose token needs a new sign-in still has its workspace: re-authenticating is exactly what it needs.
  const noSession = session?.workspace ? undefined : NO_SESSION_REASON;
  return (
    <div className="session-actions" role="group" aria-label="Session">
      <Button
        className="button"
        busy={reauthenticate.isPending}
        disabledReason={noSession}
        onClick={() => {
          clearErrors('Re-authenticate');
          reauthenticate.mutate({});
        }}
      >
        <KeyRound size={16} />
        {reauthenticate.isPending ? 'Re-authenticating…' : 'Re-authenticate'}
      </Button>
      <Button className="button button--danger-outline" disabledReason={noSession} onClick={() => setConfirming(true)} onPointerEnter={prefetch} onFocus={prefetch}>
        <LogOut size={16} />
        Disconnect
      </Button>
      {/* Stays mounted once loaded, closed or open, like any dialog: its state resets when it closes. */}
      <Lazy component={disconnectDialog} wanted={confirming} props={{ open: confirming, session, onClose: () => setConfirming(false) }} onError={dialogFailed} />
    </div>
  );
}
