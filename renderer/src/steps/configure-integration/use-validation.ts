import { useRef, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { newTaskId } from '../../progress/progress-store';
import { announce } from '../../status/announcer';
import type { IntegrationSettingsInput } from '../../../../shared/integration/config';
import { useChangingMutation, useViewMutation } from './use-integration';

/** "Save and validate": save the settings main checks again, then run the tests under a fresh task id. */
export function useSaveAndValidate() {
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [resultsSeq, setResultsSeq] = useState(0);
  // A run asked for while one is in flight (an "Enable" fix finishing mid-validation) runs right after it, so the
  // results shown never predate the fix.
  const queued = useRef<IntegrationSettingsInput | undefined>(undefined);
  const save = useViewMutation('saveSettings');
  const validate = useChangingMutation('validate', {
    onSuccess: (report) => {
      setResultsSeq((n) => n + 1);
      const failed = report.tests.filter((t) => t.status === 'failed').length;
      announce(failed ? `Validation finished: ${failed} tests failed; each says how to fix it.` : `Validation finished: ${report.status}.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const run = (settings: IntegrationSettingsInput) => {
    if (save.isPending || validate.isPending) {
      queued.current = settings;
      return;
    }
    setFailure(undefined);
    const next = () => {
      const again = queued.current;
      queued.current = undefined;
      if (again) run(again);
    };
    save.mutate(
      { settings },
      {
        onSuccess: () => {
          const id = newTaskId({ step: 'configure-integration', subStep: 'check' });
          setTaskId(id);
          validate.mutate({ taskId: id }, { onSettled: next });
        },
        onError: (e) => {
          setFailure(toAppError(e));
          next();
        },
      },
    );
  };
  return {
    run,
    running: save.isPending || validate.isPending,
    report: validate.data,
    taskId,
    failure,
    dismissFailure: () => setFailure(undefined),
    resultsSeq,
  };
}
