import type { PlanStep, StepAction } from '../integration/plan-types';
import { boundedStepId } from '../integration/step-id';
import { assertNever } from '../result';
import { tableKey, type PolicyObservation } from './observation';
import type { PoliciesRecord, RecordItem } from './record';

/**
 * What an earlier apply created and the policies no longer want: removed by the statement its record holds
 * (a grant revokes only what that apply added). Attachments (masks, filters, ABAC policies) go first; a stale
 * function is dropped only after every attachment of this plan is in place, so nothing still uses it.
 */
export const DROP_PREFIX = 'drop:';

/** Is a recorded item still in the workspace? (offline: assume so). */
export function recordedPresent(item: RecordItem, obs: PolicyObservation | null, catalog: string): boolean {
  if (obs === null) return true;
  const o = item.object;
  switch (item.kind) {
    case 'function':
      return obs.functions.has(o[2]!.toLowerCase());
    case 'mask':
      return obs.masks.some((m) => tableKey(m.table) === tableKey(o) && m.column.toLowerCase() === item.column?.toLowerCase() && m.fn[0].toLowerCase() === catalog.toLowerCase() && m.fn[1].toLowerCase() === 'policies');
    case 'filter':
      return obs.filters.some((f) => tableKey(f.table) === tableKey(o) && f.fn[0].toLowerCase() === catalog.toLowerCase() && f.fn[1].toLowerCase() === 'policies');
    case 'abac':
      return obs.abacPolicies.some((p) => JSON.stringify([p.on, ...p.securable, p.name].map((x) => x.toLowerCase())) === JSON.stringify(o.map((x) => x.toLowerCase())));
    case 'grant':
      return obs.grants.some(
        (g) => g.securable === o[0] && g.name.join('.').toLowerCase() === o.slice(1).join('.').toLowerCase() && g.principal.toLowerCase() === item.principal?.toLowerCase() && g.privileges.some((p) => item.privileges?.includes(p.toUpperCase().replaceAll('_', ' '))),
      );
    default:
      return assertNever(item.kind);
  }
}

export function staleDrops(record: PoliciesRecord | null, wanted: ReadonlySet<string>, obs: PolicyObservation | null, desired: readonly PlanStep[]): PlanStep[] {
  const stale = (record?.items ?? []).filter((i) => !wanted.has(i.id));
  const attachments = desired.filter((s) => /^(mask|filter|abac):/.test(s.id)).map((s) => s.id);
  const dropId = (id: string) => boundedStepId(DROP_PREFIX + id);
  const staleAttachments = stale.filter((i) => i.kind !== 'function').map((i) => dropId(i.id));
  return stale.map((i): PlanStep => {
    const action: StepAction = recordedPresent(i, obs, record!.catalog) ? 'change' : 'unchanged';
    return {
      id: dropId(i.id),
      sql: i.inverse,
      purpose: `No longer wanted: ${i.purpose.charAt(0).toLowerCase()}${i.purpose.slice(1)} — remove it`,
      dependsOn: i.kind === 'function' ? [...attachments, ...staleAttachments] : [],
      inverse: null,
      action,
      target: 'main',
    };
  });
}
