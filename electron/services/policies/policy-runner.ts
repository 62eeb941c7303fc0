import type { ApplySummary } from '../../../shared/contract/integration';
import type { IntegrationConfig } from '../../../shared/integration/config';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { compilePolicies, type CompiledPolicies } from '../../../shared/policies/compile';
import type { PolicyObservation } from '../../../shared/policies/observation';
import type { PolicySet } from '../../../shared/policies/policy-model';
import type { PoliciesRecord, RecordItem } from '../../../shared/policies/record';
import { DROP_PREFIX } from '../../../shared/policies/stale';
import { planPoliciesUninstall } from '../../../shared/policies/uninstall';
import { UNDO_PREFIX } from '../../../shared/integration/planner';
import { fail } from '../../../shared/result';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { createPlanJournal, createSqlStepExecutor, runPlan, type StepEvent } from '../integration/apply';
import { observePolicies } from './observe-policies';
import { loadRecord, saveRecord } from './record-store';

/**
 * Plan and apply policies with step 2's engine: observe, compile, and run the plan through runPlan with a journal
 * (resume after a failure or a cancel), the same SQL step executor and retry policy. After each run the record
 * is brought up to date with what ran, so uninstall removes exactly what the policies created.
 */
export interface PolicyRun {
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

export interface PolicyPlan {
  readonly plan: Plan;
  readonly notes: readonly string[];
  readonly compiled: CompiledPolicies;
  readonly observation: PolicyObservation;
  readonly record: PoliciesRecord | null;
}

export const policiesJournalKey = (kind: PlanKind): string => `policies-journal-${kind}`;

export async function planPolicies(run: PolicyRun, set: PolicySet, kind: PlanKind): Promise<PolicyPlan> {
  const { config, connection } = run;
  const record = await loadRecord(connection.rest, run.kv, config.catalog, run.signal);
  const session = await connection.sql(config.httpPath);
  let observation: PolicyObservation;
  try {
    observation = await observePolicies(session, set, config.catalog, record);
  } finally {
    await session.close();
  }
  const compiled = compilePolicies(set, config.catalog, observation, record);
  if (kind === 'setup') return { plan: compiled.plan, notes: compiled.notes, compiled, observation, record };
  const { plan, notes } = planPoliciesUninstall(record, [...compiled.records.values()], observation, config.catalog);
  return { plan, notes, compiled, observation, record };
}

/**
 * The record after a run: prior items kept unless their undo or drop finished, plus every item this run may have
 * put in place. A step that started counts even when it did not report done: a statement the warehouse received
 * before a cancel (or a dropped connection) may still take effect, and undoing one that never ran changes nothing
 * (the uninstall plan marks it unchanged). An undo or drop that did not finish keeps its item, for the same reason.
 */
function nextRecord(catalog: string, prior: PoliciesRecord | null, p: PolicyPlan, kind: PlanKind, completed: ReadonlySet<string>, started: ReadonlySet<string>): PoliciesRecord {
  const items = new Map<string, RecordItem>((prior?.items ?? []).map((i) => [i.id, i]));
  for (const id of completed) {
    if (id.startsWith(UNDO_PREFIX)) items.delete(id.slice(UNDO_PREFIX.length));
    else if (id.startsWith(DROP_PREFIX)) items.delete(id.slice(DROP_PREFIX.length));
  }
  if (kind === 'setup') {
    for (const id of new Set([...completed, ...started])) {
      const item = p.compiled.records.get(id);
      if (item) items.set(id, item);
      // A grant that added nothing (all held before) records nothing; an earlier record of it stays.
    }
  }
  return { recordVersion: 1, catalog, items: [...items.values()] };
}

export interface PolicyApplyOptions {
  readonly expectedHash: string | null;
  readonly onStep?: (e: StepEvent) => void;
  readonly onProgress?: (done: number, total: number, label: string) => void;
  readonly concurrency?: number;
}

export async function applyPolicies(run: PolicyRun, set: PolicySet, kind: PlanKind, o: PolicyApplyOptions): Promise<ApplySummary> {
  o.onProgress?.(0, 0, 'Reading the workspace…');
  const planned = await planPolicies(run, set, kind);
  if (o.expectedHash !== null && planned.plan.hash !== o.expectedHash) {
    return fail('CONFLICT', 'The plan is no longer the one you previewed: the policies or the workspace changed since.', 'Preview the plan again, check it, then apply.');
  }
  const executor = createSqlStepExecutor({ openSession: () => run.connection.sql(run.config.httpPath), maxSessions: o.concurrency ?? 4 });
  const completed = new Set<string>();
  const started = new Set<string>();
  const record = () => nextRecord(run.config.catalog, planned.record, planned, kind, completed, started);
  try {
    const result = await runPlan({
      plan: planned.plan,
      executor: executor.run,
      journal: createPlanJournal(run.kv, policiesJournalKey(kind)),
      concurrency: o.concurrency ?? 4,
      signal: run.signal,
      clock: run.clock,
      onStep: (e) => {
        if (e.state === 'running') started.add(e.stepId);
        if (e.state === 'done' || (e.state === 'skipped' && !e.message?.startsWith('Not run'))) completed.add(e.stepId);
        o.onStep?.(e);
      },
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    await saveRecord(run.connection.rest, run.kv, record(), run.logger, run.signal);
    run.logger.info('policies applied', { kind, ran: result.ran, skipped: result.skipped, failed: result.failed });
    return { ...result, manifestPath: null };
  } catch (e) {
    // Cancelled or cut off: keep what ran (or may have) in the record, so an uninstall still finds it.
    if (completed.size > 0 || started.size > 0) await saveRecord(run.connection.rest, run.kv, record(), run.logger).catch(() => undefined);
    throw e;
  } finally {
    await executor.close();
  }
}
