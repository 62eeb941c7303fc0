import { planHash } from '../integration/plan-hash';
import type { Plan, PlanStep } from '../integration/plan-types';
import { crawlRunSql, deleteRowsSql, insertRowsSql, undoCrawlRunSql, updateRowsSql, type RegistryRow } from './registry-sql';
import type { SnapshotRecord } from './snapshot';

/** Rows per statement: well under the warehouse's statement size limit even with 255-character names. */
export const REGISTRY_BATCH = 500;

export interface RegistryChanges {
  readonly inserts: readonly RegistryRow[];
  /** The row as it should be, with the row as it is (for the inverse). */
  readonly updates: readonly { readonly next: RegistryRow; readonly previous: RegistryRow }[];
  readonly deletes: readonly RegistryRow[];
}

const batches = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / REGISTRY_BATCH) }, (_, i) => xs.slice(i * REGISTRY_BATCH, (i + 1) * REGISTRY_BATCH));

const s = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The registration plan: inserts, updates and deletes in batches, then the crawl run, each step with its inverse.
 * It runs through step 2's engine (journal, resume, retries), so it is previewed, resumable and idempotent like
 * every other plan; a plan with no changes has only the crawl-run step, marked unchanged when it was recorded.
 */
export function registrationPlan(catalog: string, changes: RegistryChanges, run: SnapshotRecord, diff: { new: number; changed: number; dropped: number }, runRecorded: boolean): Plan {
  const steps: PlanStep[] = [];
  const step = (id: string, sql: string, purpose: string, inverse: string | null, action: PlanStep['action'], dependsOn: string[] = []): void => {
    steps.push({ id, sql, purpose, dependsOn, inverse, action, target: 'main' });
  };
  batches(changes.inserts).forEach((rows, i) => step(`register:insert:${i + 1}`, insertRowsSql(catalog, rows), `Register ${s(rows.length, 'new object')}`, deleteRowsSql(catalog, rows.map((r) => r.fullName)), 'create'));
  batches(changes.updates).forEach((rows, i) =>
    step(`register:update:${i + 1}`, updateRowsSql(catalog, rows.map((r) => r.next)), `Update ${s(rows.length, 'registered object')} (state or fingerprint)`, updateRowsSql(catalog, rows.map((r) => r.previous)), 'change'),
  );
  batches(changes.deletes).forEach((rows, i) =>
    step(`register:delete:${i + 1}`, deleteRowsSql(catalog, rows.map((r) => r.fullName)), `Remove ${s(rows.length, 'object')} no longer selected or no longer in the metastore`, insertRowsSql(catalog, rows), 'change'),
  );
  const batchIds = steps.map((x) => x.id);
  step('register:crawl-run', crawlRunSql(catalog, run, diff), `Record the crawl ${run.id} the registration comes from`, undoCrawlRunSql(catalog, run.id), runRecorded ? 'unchanged' : 'create', batchIds);
  return { kind: 'setup', steps, hash: planHash('setup', steps) };
}
