import type { SecurableType } from './observed-state';

/**
 * What a step creates or grants, in terms an observation can answer: the planner marks each step's action from
 * it, and verify reports from the marks. Kept beside the step rather than re-parsed out of its SQL.
 */
export type StepCheck =
  | { readonly kind: 'catalog'; readonly catalog: string }
  | { readonly kind: 'catalog-tag'; readonly catalog: string; readonly tag: string; readonly value: string }
  | { readonly kind: 'schema'; readonly name: readonly [string, string] }
  | { readonly kind: 'table'; readonly name: readonly [string, string, string] }
  | { readonly kind: 'volume'; readonly name: readonly [string, string, string] }
  | { readonly kind: 'grant'; readonly securable: SecurableType; readonly name: readonly string[]; readonly privileges: readonly string[] };

/** A step before it is marked against a workspace. */
export interface StepDraft {
  readonly id: string;
  readonly sql: string;
  readonly purpose: string;
  readonly dependsOn: readonly string[];
  readonly inverse: string | null;
  readonly target: string;
  readonly check: StepCheck;
}
