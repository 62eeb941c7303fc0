import { useEffect, useRef, useState } from 'react';
import type { ApplySummary as Summary } from '../../../../shared/contract/integration';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { revealElement } from '../../ui/use-reveal';
import { ApplySummary } from './apply-summary';
import { useViewMutation } from './use-integration';

export interface UninstalledNoticeProps {
  readonly lastApply: Summary | null;
  readonly onForgotten: () => void;
  /** The uninstall just finished here: this notice is its result, brought into view and focused. */
  readonly reveal: boolean;
}

/** After an uninstall: the saved settings can be forgotten, to start again from an empty form. */
export function UninstalledNotice({ lastApply, onForgotten, reveal }: UninstalledNoticeProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal) revealElement(root.current);
  }, [reveal]);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const forget = useViewMutation('forget', {
    onSuccess: () => {
      announce('Settings forgotten.');
      onForgotten();
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  return (
    <div className="notice" data-testid="ci-uninstalled" ref={root} tabIndex={-1} role="group" aria-label="Uninstalled">
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
