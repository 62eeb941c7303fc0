import { useMemo } from 'react';
import { useRunningOwners, type TaskOwner } from '../progress/progress-store';
import { useSignInRunning } from '../session/use-browser-wait';

const SIGN_IN: TaskOwner = { step: 'authenticate' };

/**
 * The steps (and parts) whose tasks run now: those started with an owner (newTaskId), and step 1 for a sign-in,
 * which the header's Re-authenticate starts too (main makes that task's id, so it is known by its auth.progress).
 */
export function useRunningSteps(): readonly TaskOwner[] {
  const owned = useRunningOwners();
  const signingIn = useSignInRunning();
  return useMemo(() => (signingIn ? [...owned, SIGN_IN] : owned), [owned, signingIn]);
}
