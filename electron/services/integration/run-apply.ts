import { z } from 'zod';
import type { ApplySummary } from '../../../shared/contract/integration';
import type { IntegrationConfig } from '../../../shared/integration/config';
import type { PlanKind } from '../../../shared/integration/plan-types';
import { fail } from '../../../shared/result';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { WorkspaceConnection } from '../connection/types';
import { mergeAdded, privilegesToAdd } from '../../../shared/integration/added-grants';
import { clearAddedGrantsLocally, loadAddedGrants, saveAddedGrantsLocally } from './added-grants-store';
import { createPlanJournal, createSqlStepExecutor, runPlan, writeManifest, type StepEvent } from './apply';
import { observeAndPlanWith, targetSession } from './plan-service';

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
  // What earlier set-ups added: the uninstall revokes exactly that; a set-up adds this run's to it.
  const prior = await loadAddedGrants(connection.rest, o.kv, config.catalog, o.logger, o.signal);
  const session = await connection.sql(config.httpPath);
  const { plan, observed } = await observeAndPlanWith(session, o.kind, config, o.signal, connection, prior).finally(() => session.close());
  if (o.expectedHash !== null && plan.hash !== o.expectedHash) {
    return fail('CONFLICT', 'The plan is no longer the one you previewed: the settings or the workspace changed since.', 'Preview the plan again, check it, then apply.');
  }
  await o.started?.();
  const executor = createSqlStepExecutor({ openSession: (target) => targetSession(connection, config, target), maxSessions: o.concurrency ?? 4 });
  // Set-up: per grant step, the privileges not held before this run; recorded for every step that started. A
  // statement cut off by a cancel may still have taken effect on the warehouse, and the resumed run would then see
  // its privileges as held before; revoking one that never got granted changes nothing.
  const toAdd = o.kind === 'setup' ? privilegesToAdd(config, observed) : [];
  const ran = new Set<string>();
  const recorded = () => mergeAdded(prior, toAdd.filter((g) => ran.has(g.stepId)));
  try {
    const result = await runPlan({
      plan,
      // A step of kind `rest` is its call (enabling a system schema); every other step is its statement.
      executor: (step, signal) =>
        step.rest
          ? connection.rest.request({ method: step.rest.method, path: step.rest.path, body: step.rest.body, schema: z.unknown(), what: step.purpose, signal }).then(() => undefined)
          : executor.run(step, signal),
      journal: createPlanJournal(o.kv, journalKey(o.kind)),
      concurrency: o.concurrency ?? 4,
      signal: o.signal,
      clock: o.clock,
      onStep: (e) => {
        if (e.state === 'running' || e.state === 'done') ran.add(e.stepId);
        o.onStep?.(e);
      },
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    if (o.kind === 'setup') await saveAddedGrantsLocally(o.kv, config.catalog, recorded());
    else if (result.failed === 0) await clearAddedGrantsLocally(o.kv, config.catalog);
    const manifestPath =
      o.kind === 'setup' && result.failed === 0
        ? await writeManifest(
            connection.rest,
            { catalog: config.catalog, config, planHash: plan.hash, appliedAt: o.clock.now(), appliedBy: connection.identity.userName, addedPrivileges: recorded() },
            o.signal,
          )
        : null;
    o.logger.info('plan applied', { kind: o.kind, ran: result.ran, skipped: result.skipped, failed: result.failed, resumed: result.resumed });
    return { ...result, manifestPath };
  } catch (e) {
    // Cancelled or cut off: what did run is recorded, so a later uninstall revokes it (the resumed run sees it held).
    if (o.kind === 'setup' && ran.size > 0) await saveAddedGrantsLocally(o.kv, config.catalog, recorded()).catch(() => undefined);
    throw e;
  } finally {
    await executor.close();
  }
}
