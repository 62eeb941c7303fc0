import { useEffect, useState } from 'react';
import type { SignInProgress } from '../../../shared/contract/auth';
import { useApi } from '../api/api-context';
import { useTaskProgress } from '../progress/progress-store';

/** The latest `auth.progress` of any sign-in (step 1's, or the header's Re-authenticate from any step). */
function useSignInProgress(): SignInProgress | undefined {
  const api = useApi();
  const [progress, setProgress] = useState<SignInProgress | undefined>(undefined);
  useEffect(() => api.on('auth.progress', setProgress), [api]);
  return progress;
}

/** A sign-in that is waiting for the browser right now, whoever started it. */
export function useBrowserWait(): SignInProgress | undefined {
  const progress = useSignInProgress();
  const task = useTaskProgress(progress?.phase === 'waiting-for-browser' ? progress.taskId : undefined);
  return progress && task?.state === 'running' ? progress : undefined;
}

/** Whether a sign-in is running now (any phase), whoever started it: step 1 reads "In progress" meanwhile. */
export function useSignInRunning(): boolean {
  const progress = useSignInProgress();
  return useTaskProgress(progress?.taskId)?.state === 'running';
}
