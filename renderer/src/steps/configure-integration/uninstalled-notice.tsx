import { useState } from 'react';
import type { ApplySummary as Summary } from '../../../../shared/contract/integration';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { ApplySummary } from './apply-summary';
import { useViewMutation } from './use-integration';

/** After an uninstall: the saved settings can be forgotten, to start again from an empty form. */
export function UninstalledNotice({ lastApply, onForgotten }: { readonly lastApply: Summary | null; readonly onForgotten: () => void }) {
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const forget = useViewMutation('forget', {
    onSuccess: () => {
      announce('Settings forgotten.');
      onForgotten();
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  return (
    <div className="notice" data-testid="ci-uninstalled">
      <p>
        <strong>The integration was uninstalled.</strong> Its settings are still saved here, so you can set it up again as it was, or forget them and start afresh.
      </p>
      {lastApply ? <ApplySummary summary={lastApply} /> : null}
      <button type="button" className="button" aria-busy={forget.isPending} onClick={() => (forget.isPending ? undefined : forget.mutate({}))}>
        Forget the settings
      </button>
      {failure ? <ErrorView action="Forget settings" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </div>
  );
}
