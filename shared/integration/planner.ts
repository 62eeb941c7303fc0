import { AppFailure } from '../result';
import type { AddedGrant } from './added-grants';
import { assertNotForeign } from './catalog-ownership';
import type { IntegrationConfig } from './config';
import type { ObservedState } from './observed-state';
import { planHash } from './plan-hash';
import type { Plan, PlanStep } from './plan-types';
import { revokeStatement, setupSteps } from './setup-steps';
import { setupAction, uninstallAction } from './step-actions';
import type { StepCheck, StepDraft } from './step-check';
import { boundedStepId } from './step-id';
import { needsSystemSchema, systemSchemaStepId, systemSchemaSteps } from './system-schema-steps';

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
  const rest = systemSchemaSteps(config.audit.enabled, observed);
  const enabling = new Set(rest.map((s) => s.id));
  const steps = [
    ...rest,
    ...drafts.map((d) => {
      const step = toStep(d, setupAction(d.check, observedFor(observed, d.target)));
      const schema = needsSystemSchema(d.id);
      // Granting on system.<schema> waits for the schema to be enabled, when the plan enables it.
      return schema !== undefined && enabling.has(systemSchemaStepId(schema)) ? { ...step, dependsOn: [...step.dependsOn, systemSchemaStepId(schema)] } : step;
    }),
  ];
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
export function planUninstall(config: IntegrationConfig, observed: ObservedState | null, added: readonly AddedGrant[] | null = null): Plan {
  // Never plan to drop another integration's catalog (a name typed wrong in the settings would otherwise do it).
  assertNotForeign(config, observed);
  const drafts = setupSteps(config);
  if (added === null) {
    const plan = uninstallFromDrafts(drafts, observed);
    const revokes = plan.steps.some((s) => s.sql.startsWith('REVOKE '));
    return revokes && observed !== null ? { ...plan, warnings: [NO_RECORD_WARNING] } : plan;
  }
  return uninstallFromDrafts(
    drafts.map((d) => narrowToAdded(d, added, config.servicePrincipal.applicationId)),
    observed,
  );
}

/** Said with an uninstall plan built without a record of what set-up added (the CLI prints it, the app shows it). */
export const NO_RECORD_WARNING =
  'No record of what the set-up added was found (it was applied by an older ucbridge or by hand, or its manifest is gone): ' +
  'this uninstall revokes every privilege the set-up grants that the service principal holds now, including any it held before the set-up. ' +
  'Remove those from the plan (export uninstall.sql and edit it) if the service principal must keep them.';

/** A revocable grant step narrowed to what the record says set-up added; nothing recorded: nothing to revoke. */
function narrowToAdded(d: StepDraft, added: readonly AddedGrant[], applicationId: string): StepDraft {
  if (d.check.kind !== 'grant' || d.inverse === null) return d;
  const recorded = added.find((g) => g.stepId === d.id && g.target === d.target);
  const privileges = d.check.privileges.filter((p) => recorded?.privileges.includes(p) === true);
  if (privileges.length === 0) return { ...d, inverse: null };
  return { ...d, inverse: revokeStatement(d.check, privileges, applicationId), check: { ...d.check, privileges } };
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
