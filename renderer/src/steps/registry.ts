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
  /** The step's UI itself once its chunk has loaded: rendered directly, it never suspends (see stepComponent). */
  readonly loaded: () => ComponentType<StepProps> | undefined;
}

const step = (meta: StepMeta, importStep: () => Promise<StepModule>): StepEntry => {
  let loaded: ComponentType<StepProps> | undefined;
  const load = () =>
    importStep().then((module) => {
      loaded = module.default;
      return module;
    });
  return { meta, load, Component: lazy(load), loaded: () => loaded };
};

/**
 * What to render for a step: its component when the chunk is already here, else the lazy one (Suspense shows
 * "Loading…"). A lazy component suspends at least once even when its chunk is loaded, and React 19 then holds the
 * content back until 300 ms after the fallback appeared (its Suspense reveal throttle): on the first screen that
 * was most of the wait (bench/renderer-size.ts). Chosen once per mount, so a step is never remounted by the swap.
 */
export const stepComponent = (entry: StepEntry): ComponentType<StepProps> => entry.loaded() ?? entry.Component;

/** The wizard's steps, in order. A step is its folder: `meta.ts` (eager, tiny) and `<step>-step.tsx` (lazy). */
export const STEPS: readonly StepEntry[] = [
  step(authenticateMeta, () => import('./authenticate/authenticate-step')),
  step(configureIntegrationMeta, () => import('./configure-integration/configure-integration-step')),
  step(mapUsersPoliciesMeta, () => import('./map-users-policies/map-users-policies-step')),
  step(registerMetadataMeta, () => import('./register-metadata/register-metadata-step')),
];

export const stepIndex = (id: StepId): number => STEPS.findIndex((s) => s.meta.id === id);

/**
 * Starts fetching a step's chunk now (at start-up, in parallel with connecting to main); resolves once it is here,
 * or failed (the lazy component then reports the failure where the step is shown).
 */
export function preloadStep(id: StepId): Promise<void> {
  return (STEPS[stepIndex(id)]?.load() ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}
