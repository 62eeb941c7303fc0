import type { StepId, StepMeta, StepStatus } from '../steps/step-types';

/**
 * Where Back and Next lead, over steps and their parts (pure, unit-tested): Next walks a step's parts before the
 * next step, and never leads into a locked step — it says why instead.
 */
export interface Place {
  readonly step: StepId;
  readonly subStep: string | undefined;
  /** What the button says: the part's title, or the step's. */
  readonly title: string;
}

export type NextPlace = { readonly kind: 'go'; readonly place: Place } | { readonly kind: 'locked'; readonly title: string; readonly reason: string };

const firstPart = (meta: StepMeta): Place => ({ step: meta.id, subStep: meta.subSteps?.[0]?.id, title: meta.title });
const lastPart = (meta: StepMeta): Place => {
  const sub = meta.subSteps?.at(-1);
  return { step: meta.id, subStep: sub?.id, title: meta.title };
};

export function nextPlace(steps: readonly StepMeta[], statuses: readonly StepStatus[], current: StepId, subStep: string | undefined): NextPlace | undefined {
  const i = steps.findIndex((s) => s.id === current);
  const meta = steps[i];
  if (!meta) return undefined;
  const parts = meta.subSteps ?? [];
  const at = parts.findIndex((p) => p.id === subStep);
  if (statuses[i] !== 'locked' && at >= 0 && at < parts.length - 1) {
    const next = parts[at + 1]!;
    return { kind: 'go', place: { step: meta.id, subStep: next.id, title: next.title } };
  }
  const following = steps[i + 1];
  if (!following) return undefined;
  if (statuses[i + 1] === 'locked') return { kind: 'locked', title: following.title, reason: `${following.title} is locked: sign in first (step 1).` };
  return { kind: 'go', place: firstPart(following) };
}

export function previousPlace(steps: readonly StepMeta[], statuses: readonly StepStatus[], current: StepId, subStep: string | undefined): Place | undefined {
  const i = steps.findIndex((s) => s.id === current);
  const meta = steps[i];
  if (!meta) return undefined;
  const parts = meta.subSteps ?? [];
  const at = parts.findIndex((p) => p.id === subStep);
  if (statuses[i] !== 'locked' && at > 0) {
    const previous = parts[at - 1]!;
    return { step: meta.id, subStep: previous.id, title: previous.title };
  }
  const before = steps[i - 1];
  if (!before) return undefined;
  return statuses[i - 1] === 'locked' ? firstPart(before) : lastPart(before);
}
