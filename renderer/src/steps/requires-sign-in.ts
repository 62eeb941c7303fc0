import type { StepContext, StepStatus } from './step-types';

/** The status of a step that cannot act before sign-in; its own completion rule comes with its features. */
export const requiresSignIn = (context: StepContext): StepStatus => (context.signedIn ? 'available' : 'locked');
