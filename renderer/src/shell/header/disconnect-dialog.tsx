import { useState } from 'react';
import type { SessionState } from '../../../../shared/contract/session';
import { toAppError } from '../../api/client-error';
import { useDisconnect } from '../../api/hooks/session';
import { useChannelQuery } from '../../api/use-channel-query';
import { clearErrors, reportError } from '../../errors/error-store';
import { isSignedIn } from '../../session/session-facts';
import { announce } from '../../status/announcer';
import { AlertCancel, AlertDialog } from '../../ui/alert-dialog';
import { DialogActions } from '../../ui/dialog';
import { DropConfirm, dropConfirmed } from '../../ui/drop-confirm';
import { DisconnectOutcome } from './disconnect-outcome';

export interface DisconnectDialogProps {
  readonly open: boolean;
  readonly session: SessionState | undefined;
  readonly onClose: () => void;
}

/**
 * Confirms Disconnect (revoke and forget the tokens, optionally uninstall). Once done, the same dialog says what
 * happened under the title "Disconnected", and what is left to revoke by hand.
 */
export function DisconnectDialog({ open, session, onClose }: DisconnectDialogProps) {
  const [uninstall, setUninstall] = useState(false);
  const [typed, setTyped] = useState('');
  // The integration catalog, when one was set up here: uninstalling may drop it (DROP CATALOG … CASCADE).
  const view = useChannelQuery('integration', 'view', {}, { enabled: open && isSignedIn(session), staleTime: 0 });
  const catalog = view.data?.settings?.config.catalog;
  const confirmed = dropConfirmed(uninstall, catalog, typed);
  // Kept while the dialog is open: after disconnecting, the session no longer names the workspace.
  const [where, setWhere] = useState<string | undefined>(undefined);
  const disconnect = useDisconnect({
    onSuccess: ({ revoked }) => announce(revoked ? 'Disconnected. The tokens were revoked.' : 'Disconnected.'),
    onError: (error) => {
      reportError('Disconnect', toAppError(error));
      close();
    },
  });
  function close() {
    disconnect.reset();
    setUninstall(false);
    setTyped('');
    setWhere(undefined);
    onClose();
  }
  const name = where ?? session?.workspace?.label ?? 'the current workspace';
  return (
    <AlertDialog
      open={open}
      onOpenChange={(o) => (o ? undefined : close())}
      title={disconnect.isSuccess ? `Disconnected from ${name}` : `Disconnect from ${name}?`}
      testId="disconnect-dialog"
    >
      {disconnect.isSuccess ? (
        <DisconnectOutcome result={disconnect.data} onClose={close} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (disconnect.isPending || !confirmed) return;
            clearErrors('Disconnect');
            setWhere(session?.workspace?.label);
            disconnect.mutate({ uninstall });
          }}
        >
          <p>
            ucbridge revokes the tokens where the workspace allows it and forgets them on this computer. Nothing in Unity Catalog changes unless you
            also uninstall.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={uninstall} onChange={(e) => setUninstall(e.currentTarget.checked)} />
            Also uninstall what ucbridge set up in the workspace
          </label>
          {uninstall && catalog !== undefined ? (
            <DropConfirm
              catalog={catalog}
              value={typed}
              onChange={setTyped}
              help={
                <>
                  Uninstalling drops catalog <code>{catalog}</code> with everything in it when ucbridge created it. It cannot be undone.
                </>
              }
            />
          ) : null}
          <DialogActions>
            <AlertCancel>Keep connected</AlertCancel>
            <button type="submit" className="button button--danger" aria-busy={disconnect.isPending} disabled={!confirmed}>
              {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
            </button>
          </DialogActions>
        </form>
      )}
    </AlertDialog>
  );
}
