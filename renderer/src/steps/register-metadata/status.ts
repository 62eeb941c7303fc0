import type { StepContext, StepStatus } from '../step-types';

/** Step 4's parts, in order. `pictures` (lineage graph, coverage chart) is built in ./pictures. */
export const REGISTER_SUB_STEPS = [
  { id: 'crawl', title: 'Crawl' },
  { id: 'select', title: 'Select & register' },
  { id: 'changes', title: 'Changes' },
  { id: 'tags', title: 'Tags' },
  { id: 'pictures', title: 'Lineage & coverage' },
] as const;

export type RegisterSubStep = (typeof REGISTER_SUB_STEPS)[number]['id'];

export const isRegisterSubStep = (id: string | undefined): id is RegisterSubStep => REGISTER_SUB_STEPS.some((s) => s.id === id);

/** Crawled when the index holds a snapshot; in progress once crawled, until rules select something. */
export function registerMetadataStatus({ signedIn, facts }: StepContext): StepStatus {
  if (!signedIn) return 'locked';
  const m = facts.metadata;
  if (!m?.crawled) return 'not-started';
  return 'in-progress';
}

/**
 * Each part's status from what main says about the index: the crawl is done once a snapshot is held; selecting
 * is in progress once the rules take something (main cannot tell here whether the registry already matches: the
 * plan says so); every other part needs a snapshot to work on.
 */
export function registerMetadataSubStepStatus(context: StepContext, subStep: string): StepStatus {
  if (!context.signedIn) return 'locked';
  const m = context.facts.metadata;
  const crawled = m?.crawled === true;
  switch (subStep as RegisterSubStep) {
    case 'crawl':
      return crawled ? 'done' : 'not-started';
    case 'select':
      return crawled && (m?.selectedTables ?? 0) > 0 ? 'in-progress' : 'not-started';
    case 'changes':
    case 'tags':
    case 'pictures':
      return crawled ? 'in-progress' : 'not-started';
    default:
      return 'not-started';
  }
}
