import { planHash } from '../integration/plan-hash';
import type { Plan, PlanStep } from '../integration/plan-types';
import { UNDO_PREFIX } from '../integration/planner';
import { boundedStepId } from '../integration/step-id';
import type { PolicyObservation } from './observation';
import type { PoliciesRecord, RecordItem } from './record';
import { recordedPresent } from './stale';

/**
 * The uninstall plan: each recorded item's undo statement, attachments before the functions they use. From the
 * record, it removes exactly what the policies created and revokes only privileges they added. Without a record
 * (nothing applied from this machine or volume, or an offline export) it falls back to what the policies would
 * create, leaving grants alone unless `assumeNothingExisted` (the exported uninstall.sql says so in its header).
 */
export function planPoliciesUninstall(
  record: PoliciesRecord | null,
  fallback: readonly RecordItem[],
  obs: PolicyObservation | null,
  catalog: string,
  assumeNothingExisted = false,
): { plan: Plan; notes: string[] } {
  const notes: string[] = [];
  let items: readonly RecordItem[];
  if (record !== null) items = record.items;
  else {
    items = assumeNothingExisted ? fallback : fallback.filter((i) => i.kind !== 'grant');
    notes.push(
      assumeNothingExisted
        ? 'No record of an earlier apply was used: this uninstall assumes nothing the policies create or grant existed before, and revokes every privilege they grant.'
        : 'No record of an earlier apply was found: the uninstall removes the functions, masks, filters and ABAC policies these policies create, and revokes no privilege (it cannot tell which ones existed before).',
    );
  }
  const ids = new Set(items.map((i) => i.id));
  const undo = (id: string) => boundedStepId(UNDO_PREFIX + id);
  const steps = [...items].reverse().map(
    (i): PlanStep => ({
      id: undo(i.id),
      sql: i.inverse,
      purpose: `Undo: ${i.purpose.charAt(0).toLowerCase()}${i.purpose.slice(1)}`,
      dependsOn: i.undoAfter.filter((d) => ids.has(d)).map(undo),
      inverse: null,
      action: recordedPresent(i, obs, record?.catalog ?? catalog) ? 'change' : 'unchanged',
      target: 'main',
    }),
  );
  return { plan: { kind: 'uninstall', steps, hash: planHash('uninstall', steps) }, notes };
}
