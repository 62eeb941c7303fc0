import type { z } from 'zod';
import type { DisconnectResultSchema } from '../../../../shared/contract/session';
import { DialogActions } from '../../ui/dialog';

type DisconnectResult = z.output<typeof DisconnectResultSchema>;

/** What Disconnect did, and what the user still has to revoke by hand when the workspace could not. */
export function DisconnectOutcome({ result, onClose }: { readonly result: DisconnectResult; readonly onClose: () => void }) {
  return (
    <div data-testid="disconnect-outcome">
      <p>
        {result.revoked
          ? 'Disconnected. The workspace revoked the tokens and ucbridge forgot them.'
          : 'Disconnected. ucbridge forgot the tokens on this computer.'}
      </p>
      {result.manualRevocationSteps.length > 0 ? (
        <>
          <p>The workspace could not revoke everything itself. To finish, please:</p>
          <ol className="ordered-steps">
            {result.manualRevocationSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : null}
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </DialogActions>
    </div>
  );
}
