import { sha256Hex } from './sha256';

/** PlanStepSchema allows ids up to 512 characters; a longer one (a 255-character name under a long URL) keeps a readable head and a hash of the whole. */
export const MAX_STEP_ID = 512;

export function boundedStepId(id: string): string {
  if (id.length <= MAX_STEP_ID) return id;
  return `${id.slice(0, MAX_STEP_ID - 17)}~${sha256Hex(id).slice(0, 16)}`;
}
