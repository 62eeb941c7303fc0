import type { StepContext, StepStatus } from '../step-types';

/** Done once signed in; a session whose token can no longer be renewed needs attention (sign in again). */
export function authenticateStatus({ signedIn, session }: StepContext): StepStatus {
  if (signedIn) return 'done';
  if (session?.identity && session.token.state === 'signin-required') return 'needs-attention';
  return 'not-started';
}
