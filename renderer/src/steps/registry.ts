import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { authenticateMeta } from './authenticate/meta';
import { configureIntegrationMeta } from './configure-integration/meta';
import { mapUsersPoliciesMeta } from './map-users-policies/meta';
import { registerMetadataMeta } from './register-metadata/meta';
import type { StepId, StepMeta, StepProps } from './step-types';

export interface StepEntry {
  readonly meta: StepMeta;
  /** The step's UI, a separate chunk loaded the first time the step is shown. */
  readonly Component: LazyExoticComponent<ComponentType<StepProps>>;
}

/** The wizard's steps, in order. A step is its folder: `meta.ts` (eager, tiny) and `<step>-step.tsx` (lazy). */
export const STEPS: readonly StepEntry[] = [
  { meta: authenticateMeta, Component: lazy(() => import('./authenticate/authenticate-step')) },
  { meta: configureIntegrationMeta, Component: lazy(() => import('./configure-integration/configure-integration-step')) },
  { meta: mapUsersPoliciesMeta, Component: lazy(() => import('./map-users-policies/map-users-policies-step')) },
  { meta: registerMetadataMeta, Component: lazy(() => import('./register-metadata/register-metadata-step')) },
];

export const stepIndex = (id: StepId): number => STEPS.findIndex((s) => s.meta.id === id);
