import type { StepContext, StepStatus } from '../step-types';

/** Step 3's parts, in order: users first (policies read the attributes and name the principals it finds). */
export const MAP_SUB_STEPS = [
  { id: 'users', title: 'Users' },
  { id: 'policies', title: 'Policies' },
  { id: 'preview', title: 'Preview as a user' },
] as const;

export type MapSubStep = (typeof MAP_SUB_STEPS)[number]['id'];

/** Policies need the integration (step 2) in place: its catalog holds their functions and the users' attributes. */
export function mapUsersPoliciesStatus({ signedIn, facts }: StepContext): StepStatus {
  if (!signedIn) return 'locked';
  return facts.integration?.status === 'enabled' ? 'in-progress' : 'not-started';
}

export const mapUsersPoliciesSubStepStatus = (context: StepContext): StepStatus => mapUsersPoliciesStatus(context);
