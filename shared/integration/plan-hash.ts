import type { PlanKind, PlanStep } from './plan-types';
import { sha256Hex } from './sha256';

/**
 * What the journal and the manifest refer to: the kind and each step's id, target and SQL, in order. Actions are
 * left out on purpose, so the plan a user previewed and the plan re-made after a partial apply hash the same.
 * JSON keeps the parts unambiguous whatever characters names contain.
 */
export function planHash(kind: PlanKind, steps: readonly Pick<PlanStep, 'id' | 'target' | 'sql'>[]): string {
  return sha256Hex(JSON.stringify([kind, steps.map((s) => [s.id, s.target, s.sql])]));
}
