import type { ApplySummary } from '../../../shared/contract/integration';
import type { IntegrationConfig } from '../../../shared/integration/config';
import type { PlanKind } from '../../../shared/integration/plan-types';
import { fail } from '../../../shared/result';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { createPlanJournal, createSqlStepExecutor, runPlan, writeManifest, type StepEvent } from './apply';
import { observeAndPlan, targetSession } from './plan-service';

/** One journal per plan kind, so an interrupted uninstall and an interrupted set-up never mix. */
export const journalKey = (kind: PlanKind): string => `integration-journal-${kind}`;

export interface RunApplyOptions {
  readonly kind: PlanKind;
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  /** The hash of the plan the user previewed; null when the caller showed nothing (disconnect-and-uninstall). */
  readonly expectedHash: string | null;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly concurrency?: number;
  readonly onStep?: (e: StepEvent) => void;
  readonly onProgress?: (done: number, total: number, label: string) => void;
  /** Called once the plan is the expected one, before the first statement runs. */
  readonly started?: () => Promise<void>;
}

/**
 * Re-plans against the workspace as it is now and runs that plan — but only if it is the plan the user saw: the
 * hash covers every statement, so any difference (another config, someone else's change) is refused rather than
 * run unseen. The journal makes an interrupted run resume; a successful set-up writes the manifest.
 */
export async function runApply(o: RunApplyOptions): Promise<ApplySummary> {
  const { config, connection } = o;
  o.onProgress?.(0, 0, 'Reading the workspace…');
  const session = await connection.sql(config.httpPath);
  const plan = await observeAndPlan(session, o.kind, config, o.signal, connection).finally(() => session.close());
  if (o.expectedHash !== null && plan.hash !== o.expectedHash) {
    return fail('CONFLICT', 'The plan is no longer the one you previewed: the settings or the workspace changed since.', 'Preview the plan again, check it, then apply.');
  }
  await o.started?.();
  const executor = createSqlStepExecutor({ openSession: (target) => targetSession(connection, config, target), maxSessions: o.concurrency ?? 4 });
  try {
    const result = await runPlan({
      plan,
      executor: executor.run,
      journal: createPlanJournal(o.kv, journalKey(o.kind)),
      concurrency: o.concurrency ?? 4,
      signal: o.signal,
      clock: o.clock,
      ...(o.onStep ? { onStep: o.onStep } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const manifestPath =
      o.kind === 'setup' && result.failed === 0
        ? await writeManifest(connection.rest, { catalog: config.catalog, config, planHash: plan.hash, appliedAt: o.clock.now(), appliedBy: connection.identity.userName }, o.signal)
        : null;
    o.logger.info('plan applied', { kind: o.kind, ran: result.ran, skipped: result.skipped, failed: result.failed, resumed: result.resumed });
    return { ...result, manifestPath };
  } finally {
    await executor.close();
  }
}
