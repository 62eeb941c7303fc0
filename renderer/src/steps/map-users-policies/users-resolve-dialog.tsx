import { useId, useState } from 'react';
import type { MatchRow } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useClearChoice, usePrincipalSearch, useSetChoice } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Combobox } from '../../ui/combobox';
import { Dialog, DialogActions } from '../../ui/dialog';
import { useDebounced } from './use-debounced';

export interface UsersResolveDialogProps {
  /** The row being decided; null when the dialog is closed. */
  readonly row: MatchRow | null;
  readonly onClose: () => void;
}

/**
 * Deciding one governance user by hand: one of its candidates (ambiguous), or any principal of the directory found by
 * search (unmatched, or to correct a match), or "no principal". Main keeps the choice for this workspace; "Let the
 * rules decide" forgets it.
 */
export function UsersResolveDialog({ row, onClose }: UsersResolveDialogProps) {
  if (row === null || row.id === null) return null;
  // Keyed by the row: another row starts from its own first candidate, with no leftover error.
  return <ResolveForm key={row.key} row={row} userId={row.id} onClose={onClose} />;
}

function ResolveForm({ row, userId, onClose }: { readonly row: MatchRow; readonly userId: string; readonly onClose: () => void }) {
  const id = useId();
  const [picked, setPicked] = useState(row.candidates[0]?.principal ?? '');
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const query = useDebounced(picked, 200);
  const search = usePrincipalSearch(query, row.kind, true);
  const done = (message: string) => {
    announce(message);
    onClose();
  };
  const setChoice = useSetChoice({
    onSuccess: (_v, input) => done(input.principal === null ? `${row.displayName}: no principal.` : `${row.displayName} is now ${input.principal}.`),
    onError: (e) => setFailure(toAppError(e)),
  });
  const clearChoice = useClearChoice({ onSuccess: () => done(`${row.displayName}: the rules decide again.`), onError: (e) => setFailure(toAppError(e)) });
  const busy = setChoice.isPending || clearChoice.isPending;
  return (
    <Dialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={`Choose the principal for ${row.displayName}`}
      description={`Governance user ${row.id}${row.email ? `, ${row.email}` : ''}.${row.reason ? ` ${row.reason}.` : ''}`}
      testId="us-resolve"
    >
      <form
        className="us-resolve"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.trim() === '' || busy) return;
          setChoice.mutate({ id: userId, principal: picked.trim() });
        }}
      >
        {row.candidates.length > 0 ? (
          <fieldset className="us-resolve__candidates">
            <legend>Candidates the rules found</legend>
            {row.candidates.map((c) => (
              <label key={`${c.principalType}:${c.principal}`} className="us-resolve__candidate">
                <input type="radio" name={`${id}-candidate`} value={c.principal} checked={picked === c.principal} onChange={() => setPicked(c.principal)} data-testid="us-candidate" />
                <span>
                  <strong>{c.principal}</strong> <span className="ci-muted">{c.displayName !== c.principal ? c.displayName : ''} ({c.principalType}{c.active ? '' : ', inactive'})</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-search`}>{row.candidates.length > 0 ? 'Or search the directory' : 'Search the directory'}</label>
          <Combobox
            id={`${id}-search`}
            value={picked}
            onChange={setPicked}
            listLabel="Principals in the directory"
            loading={search.isFetching}
            suggestions={(search.data ?? []).map((c) => ({ value: c.principal, detail: `${c.displayName} · ${c.principalType}${c.active ? '' : ' · inactive'}` }))}
            testId="us-principal-search"
          />
        </div>
        {failure ? <ErrorView action="Choose a principal" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
        <DialogActions>
          {row.manual ? (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => clearChoice.mutate({ id: userId })} data-testid="us-choice-clear">
              Let the rules decide
            </button>
          ) : null}
          <button type="button" className="button" disabled={busy} onClick={() => setChoice.mutate({ id: userId, principal: null })} data-testid="us-choice-none">
            No principal
          </button>
          <button type="submit" className="button button--primary" aria-disabled={picked.trim() === '' || busy} aria-busy={setChoice.isPending} data-testid="us-choice-use">
            Use this principal
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
