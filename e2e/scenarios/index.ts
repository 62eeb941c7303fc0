import { copyDetails } from './copy-details';
import { progress } from './progress';
import type { Scenario } from './scenario';
import { sessionActions } from './session-actions';
import { sessionEvents } from './session-events';
import { walkSteps } from './walk-steps';

/** Every shell scenario; `harness.spec.ts` and `electron.spec.ts` each run all of them. */
export const SHELL_SCENARIOS: readonly Scenario[] = [walkSteps, sessionActions, copyDetails, progress, sessionEvents];
