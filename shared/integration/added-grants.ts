import { z } from 'zod';
import type { IntegrationConfig } from './config';
import { SecurableTypeSchema, type ObservedState } from './observed-state';
import { setupSteps } from './setup-steps';
import { heldPrivileges } from './step-actions';
import type { StepCheck, StepDraft } from './step-check';

/**
 * What a set-up actually granted: per grant step, the privileges the service principal did NOT hold before it ran.
 * Uninstall revokes exactly these, so a privilege held before set-up survives it. Kept in the manifest on the
 * staging volume (so the CLI on another machine finds it) and in local state; names only, never a credential.
 */
export const AddedGrantSchema = z.object({
  /** The set-up step that granted them (`grant:sp:governed:main`). */
  stepId: z.string().min(1),
  target: z.string(),
  securable: SecurableTypeSchema,
  name: z.array(z.string().min(1)).min(1).max(3),
  privileges: z.array(z.string().min(1)).min(1),
});
export type AddedGrant = z.infer<typeof AddedGrantSchema>;

export const AddedGrantsSchema = z.array(AddedGrantSchema);

type GrantDraft = StepDraft & { readonly check: Extract<StepCheck, { kind: 'grant' }> };

/** Grant steps whose privileges uninstall revokes (grants inside the integration catalog go with its DROP). */
export const revocableGrantDrafts = (config: IntegrationConfig): GrantDraft[] =>
  setupSteps(config).filter((d): d is GrantDraft => d.check.kind === 'grant' && d.inverse !== null);

/**
 * Per revocable grant step, the privileges running it would add against this observation: those not held now.
 * A target not observed counts as holding nothing (its statements run; what it held cannot be told).
 */
export function privilegesToAdd(config: IntegrationConfig, observed: ObservedState | null): AddedGrant[] {
  return revocableGrantDrafts(config).flatMap((d) => {
    const o = observed?.targets[d.target];
    const held = o === undefined ? new Set<string>() : new Set(heldPrivileges(o, d.check));
    const added = d.check.privileges.filter((p) => !held.has(p));
    return added.length === 0 ? [] : [{ stepId: d.id, target: d.target, securable: d.check.securable, name: [...d.check.name], privileges: added }];
  });
}

const key = (g: Pick<AddedGrant, 'stepId' | 'target'>) => `${g.target}\u0000${g.stepId}`;

/**
 * The record after a run: what earlier runs added, plus what this run's completed steps added. A re-apply adds
 * nothing new (everything is held by then), so the earlier record is what keeps the set-up's own grants known.
 */
export function mergeAdded(prior: readonly AddedGrant[] | null, added: readonly AddedGrant[]): AddedGrant[] {
  const out = new Map((prior ?? []).map((g) => [key(g), g]));
  for (const g of added) {
    const before = out.get(key(g));
    out.set(key(g), before ? { ...before, privileges: [...new Set([...before.privileges, ...g.privileges])] } : g);
  }
  return [...out.values()];
}
