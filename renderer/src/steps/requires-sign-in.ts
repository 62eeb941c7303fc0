import type { StepContext, StepStatus } from './step-types';

/** The status of a step that cannot act before sign-in and has no completion rule of its own yet. */
export const requiresSignIn = (context: StepContext): StepStatus => (context.signedIn ? 'not-started' : 'locked');
