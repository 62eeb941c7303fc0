import { useEffect, useId, useRef, useState } from 'react';
import type { SessionState } from '../../../../shared/contract/session';
import { toAppError } from '../../api/client-error';
import { useDisconnect } from '../../api/hooks/session';
import { clearErrors, reportError } from '../../errors/error-store';
import { announce } from '../../status/announcer';
import { DisconnectOutcome } from './disconnect-outcome';
import '../dialog.css';

export interface DisconnectDialogProps {
  readonly open: boolean;
  readonly session: SessionState | undefined;
  readonly onClose: () => void;
}

/**
 * Confirms Disconnect (revoke and forget the tokens, optionally uninstall). A native modal <dialog>: it traps
 * focus, closes on Escape and gives focus back to the button that opened it.
 */
export function DisconnectDialog({ open, session, onClose }: DisconnectDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const safeChoice = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [uninstall, setUninstall] = useState(false);
  const disconnect = useDisconnect({
    onSuccess: ({ revoked }) => announce(revoked ? 'Disconnected. The tokens were revoked.' : 'Disconnected.'),
    onError: (error) => {
      reportError('Disconnect', toAppError(error));
      onClose();
    },
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs at mount, when the dialog was still closed: start on the safe choice explicitly.
      safeChoice.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    disconnect.reset();
    setUninstall(false);
    onClose();
  };
  const where = session?.workspace?.label ?? 'the current workspace';

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={close} data-testid="disconnect-dialog">
      <h2 id={titleId} className="dialog__title">
        Disconnect from {where}?
      </h2>
      {disconnect.isSuccess ? (
        <DisconnectOutcome result={disconnect.data} onClose={close} />
      ) : (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (disconnect.isPending) return;
            clearErrors('Disconnect');
            disconnect.mutate({ uninstall });
          }}
        >
          <p>
            ucbridge revokes the tokens where the workspace allows it and forgets them on this computer. Nothing in
            Unity Catalog changes unless you also uninstall.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={uninstall} onChange={(e) => setUninstall(e.currentTarget.checked)} />
            Also uninstall what ucbridge set up in the workspace
          </label>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close} ref={safeChoice}>
              Keep connected
            </button>
            <button type="submit" className="button button--danger" aria-busy={disconnect.isPending}>
              {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
