import { AppFailure } from '../result';
import { assertNotForeign } from './catalog-ownership';
import type { IntegrationConfig } from './config';
import type { ObservedState } from './observed-state';
import { planHash } from './plan-hash';
import type { Plan, PlanStep } from './plan-types';
import { setupSteps } from './setup-steps';
import { setupAction, uninstallAction } from './step-actions';
import type { StepCheck, StepDraft } from './step-check';
import { boundedStepId } from './step-id';

/**
 * The planner: pure functions of the config and the observed workspace (null = offline, nothing observed).
 * The exported script and automatic apply both come from here, so they run the same statements.
 */

const observedFor = (observed: ObservedState | null, target: string) => observed?.targets[target];

function assertUniqueIds(steps: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const s of steps) {
    // Ids key the journal: two steps with one id would make resume skip one of them.
    if (seen.has(s.id)) throw new AppFailure({ code: 'BAD_REQUEST', message: `Two plan steps would share the id "${s.id}"; check the catalogs listed in the config.` });
    seen.add(s.id);
  }
}

const toStep = (d: StepDraft, action: PlanStep['action']): PlanStep => ({
  id: d.id,
  sql: d.sql,
  purpose: d.purpose,
  dependsOn: [...d.dependsOn],
  inverse: d.inverse,
  action,
  target: d.target,
});

export function planSetup(config: IntegrationConfig, observed: ObservedState | null): Plan {
  const drafts = setupSteps(config);
  assertUniqueIds(drafts);
  const steps = drafts.map((d) => toStep(d, setupAction(d.check, observedFor(observed, d.target))));
  return { kind: 'setup', steps, hash: planHash('setup', steps) };
}

export const UNDO_PREFIX = 'undo:';
const undoId = (id: string): string => boundedStepId(UNDO_PREFIX + id);

function undoPurpose(check: StepCheck, setupPurpose: string): string {
  if (check.kind === 'catalog') return `Drop the integration catalog ${check.catalog} and everything in it (schemas, tables, volume, policy functions, grants)`;
  if (check.kind === 'grant') return `Revoke from the service principal ${check.privileges.join(', ')} on ${check.securable.toLowerCase()} ${check.name.join('.')}`;
  return `Undo: ${setupPurpose.charAt(0).toLowerCase()}${setupPurpose.slice(1)}`;
}

/**
 * The uninstall plan: each set-up step's inverse, in reverse order. Its dependencies are the set-up dependencies
 * turned around: undoing X waits for the undo of everything that depended on X. Steps with no inverse (objects
 * inside the integration catalog, which its DROP … CASCADE removes) are looked through, so the catalog's drop
 * still waits for every revoke that needed it.
 */
export function planUninstall(config: IntegrationConfig, observed: ObservedState | null): Plan {
  // Never plan to drop another integration's catalog (a name typed wrong in the settings would otherwise do it).
  assertNotForeign(config, observed);
  return uninstallFromDrafts(setupSteps(config), observed);
}

/** The uninstall plan for any set-up drafts (exported for tests of the dependency reversal). */
export function uninstallFromDrafts(drafts: readonly StepDraft[], observed: ObservedState | null): Plan {
  assertUniqueIds(drafts);
  const dependents = new Map<string, StepDraft[]>();
  for (const d of drafts) for (const p of d.dependsOn) dependents.set(p, [...(dependents.get(p) ?? []), d]);

  const undoDependencies = (d: StepDraft, seen = new Set<string>()): string[] =>
    (dependents.get(d.id) ?? []).flatMap((child) => {
      if (seen.has(child.id)) return [];
      seen.add(child.id);
      return child.inverse !== null ? [undoId(child.id)] : undoDependencies(child, seen);
    });

  const steps = [...drafts]
    .reverse()
    .filter((d): d is StepDraft & { inverse: string } => d.inverse !== null)
    .map(
      (d): PlanStep => ({
        id: undoId(d.id),
        sql: d.inverse,
        purpose: undoPurpose(d.check, d.purpose),
        dependsOn: [...new Set(undoDependencies(d))],
        // Undoing an uninstall is running the set-up plan again, not one statement per step.
        inverse: null,
        action: uninstallAction(d.check, observedFor(observed, d.target)),
        target: d.target,
      }),
    );
  return { kind: 'uninstall', steps, hash: planHash('uninstall', steps) };
}
