import type { StepMeta } from '../step-types';
import { MAP_SUB_STEPS, mapUsersPoliciesStatus, mapUsersPoliciesSubStepStatus } from './status';

export const mapUsersPoliciesMeta: StepMeta = {
  id: 'map-users-policies',
  title: 'Map users & policies',
  summary: 'Match the governance product’s users to workspace identities and turn policies into Unity Catalog rules.',
  willDo: [
    'Read the workspace’s users, groups and service principals.',
    'Match users by email, user name, external ID or by hand, and list the unmatched and ambiguous ones.',
    'Create grants, column masks and row filters, previewed first and applied or exported.',
  ],
  status: mapUsersPoliciesStatus,
  subSteps: MAP_SUB_STEPS,
  subStepStatus: mapUsersPoliciesSubStepStatus,
};
