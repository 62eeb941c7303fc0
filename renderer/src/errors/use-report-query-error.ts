import { useEffect } from 'react';
import { toAppError } from '../api/client-error';
import { clearErrors, reportError } from './error-store';

/** Shows a failed query's error in the notice area while it lasts (and removes it once the query recovers). */
export function useReportQueryError(action: string, error: unknown): void {
  useEffect(() => {
    if (error) reportError(action, toAppError(error));
    else clearErrors(action);
  }, [action, error]);
}
