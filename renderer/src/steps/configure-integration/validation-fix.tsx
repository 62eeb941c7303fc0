import { useState } from 'react';
import type { ValidationFix as Fix } from '../../../../shared/integration/validation-types';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { CopyButton } from '../../ui/copy-button';
import { SqlCode } from './sql-code';
import { useChangingMutation } from './use-integration';

/** The fix for one failed test: SQL to copy (and who must run it), steps to follow, or a button that does it. */
export function ValidationFix({ fix, onFixed }: { readonly fix: Fix; readonly onFixed: () => void }) {
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const enable = useChangingMutation('enableSystemSchema', {
    onSuccess: ({ schema, state }) => {
      announce(`System schema ${schema} is ${state.toLowerCase()}. Validating again.`);
      onFixed();
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  switch (fix.kind) {
    case 'sql':
      return (
        <div className="ci-fix">
          <p className="ci-muted">Run as {fix.who}:</p>
          <SqlCode sql={fix.sql} label="SQL that fixes it" />
          <CopyButton value={fix.sql} label="fix SQL" />
        </div>
      );
    case 'steps':
      return (
        <ol className="ci-fix ci-fix__steps">
          {fix.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      );
    case 'enable-system-schema':
      return (
        <div className="ci-fix">
          <button type="button" className="button" aria-busy={enable.isPending} onClick={() => (enable.isPending ? undefined : enable.mutate({ schema: fix.schema }))}>
            {enable.isPending ? 'Enabling…' : `Enable system.${fix.schema}`}
          </button>
          {failure ? <ErrorView action={`Enable system.${fix.schema}`} error={failure} onDismiss={() => setFailure(undefined)} /> : null}
        </div>
      );
  }
}
