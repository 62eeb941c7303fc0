import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { authenticateMeta } from './authenticate/meta';
import { configureIntegrationMeta } from './configure-integration/meta';
import { mapUsersPoliciesMeta } from './map-users-policies/meta';
import { registerMetadataMeta } from './register-metadata/meta';
import type { StepId, StepMeta, StepProps } from './step-types';

type StepModule = { readonly default: ComponentType<StepProps> };

export interface StepEntry {
  readonly meta: StepMeta;
  /** Fetches the step's chunk; calling it early (preloadStep) only warms the module cache React.lazy reads. */
  readonly load: () => Promise<StepModule>;
  /** The step's UI, a separate chunk loaded the first time the step is shown. */
  readonly Component: LazyExoticComponent<ComponentType<StepProps>>;
}

const step = (meta: StepMeta, load: () => Promise<StepModule>): StepEntry => ({ meta, load, Component: lazy(load) });

/** The wizard's steps, in order. A step is its folder: `meta.ts` (eager, tiny) and `<step>-step.tsx` (lazy). */
export const STEPS: readonly StepEntry[] = [
  step(authenticateMeta, () => import('./authenticate/authenticate-step')),
  step(configureIntegrationMeta, () => import('./configure-integration/configure-integration-step')),
  step(mapUsersPoliciesMeta, () => import('./map-users-policies/map-users-policies-step')),
  step(registerMetadataMeta, () => import('./register-metadata/register-metadata-step')),
];

export const stepIndex = (id: StepId): number => STEPS.findIndex((s) => s.meta.id === id);

/** Starts fetching a step's chunk now (at start-up, in parallel with connecting to main). */
export function preloadStep(id: StepId): void {
  void STEPS[stepIndex(id)]?.load().catch(() => undefined);
}
