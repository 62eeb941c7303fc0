import type { ApplySummary, IntegrationView } from '../../../shared/contract/integration';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { fail } from '../../../shared/result';
import type { WorkspaceConnection } from '../connection/types';
import { createPlanJournal } from './apply';
import { workSignal, type IntegrationDeps } from './integration-deps';
import { loadAddedGrants } from './added-grants-store';
import { observeAndPlan } from './plan-service';
import { journalKey, runApply } from './run-apply';
import { assertConfigFor, configForConnection, configWithSchemas } from './saved-config';

/**
 * Plan and apply behind `integration.plan` / `integration.apply`, and the uninstall that "Disconnect and
 * uninstall" runs. The status follows the apply: `applying` while it runs, then `enabled` (set-up converged),
 * `uninstalled`, or `apply-error` (a step failed, or it was cancelled or cut off: the journal resumes it).
 */
export function createApplyService(deps: IntegrationDeps) {
  const { store, kv, clock, logger, events, tasks } = deps;
  let running = false;

  async function plan(kind: PlanKind): Promise<Plan> {
    // The preview reads the schema lists afresh and saves them: the apply that follows plans from that config.
    const { config, connection } = await configWithSchemas(deps, 'refresh');
    // The uninstall revokes what set-up added (the same record the apply reads, so the previewed plan is the one run).
    const added = kind === 'uninstall' ? await loadAddedGrants(connection.rest, kv, config.catalog, logger, connection.signal) : null;
    const session = await connection.sql(config.httpPath);
    try {
      return await observeAndPlan(session, kind, config, connection.signal, connection, added);
    } finally {
      await session.close();
    }
  }

  /** `run` calls `started` once the plan check passed and statements are about to run: from then on it is `applying`. */
  async function guarded(kind: PlanKind, connection: WorkspaceConnection, run: (started: () => Promise<void>) => Promise<ApplySummary>): Promise<ApplySummary> {
    if (running) return fail('CONFLICT', 'Another apply is already running.', 'Wait for it to finish, or cancel it.');
    running = true;
    let began = false;
    const started = async () => {
      began = true;
      await store.update((r) => ({ ...r, status: 'applying' }));
    };
    try {
      const summary = await run(started);
      const status = summary.failed > 0 ? 'apply-error' : kind === 'setup' ? 'enabled' : 'uninstalled';
      await store.update((r) => ({ ...r, status, lastApply: summary }));
      logger.info('apply finished', { kind, status, host: connection.workspace.host });
      return summary;
    } catch (e) {
      // Refused before anything ran (the plan changed, the workspace unreachable): the previous status still holds.
      if (began) {
        await store.update((r) => ({ ...r, status: 'apply-error' }));
        logger.warn('apply stopped before the end', { kind, status: 'apply-error', host: connection.workspace.host });
      }
      throw e;
    } finally {
      running = false;
    }
  }

  return {
    plan,
    running: () => running,
    apply(taskId: string, kind: PlanKind, planHash: string): Promise<ApplySummary> {
      return (async () => {
        const { config, connection } = await configForConnection(deps);
        const label = kind === 'setup' ? 'Setting up the integration…' : 'Uninstalling the integration…';
        return tasks.run(taskId, { label }, (task) =>
          guarded(kind, connection, (started) =>
            runApply({
              started,
              kind,
              config,
              connection,
              expectedHash: planHash,
              kv,
              clock,
              logger: logger.child('apply'),
              signal: workSignal(task.signal, connection),
              onStep: (e) => events.publish('integration.step', { taskId, ...e }),
              onProgress: (done, total, text) => task.progress({ done, total, label: text }),
            }),
          ),
        );
      })();
    },
    /** For `session.disconnect({uninstall:true})`: the uninstall plan, run before the tokens are revoked. */
    async uninstallOnDisconnect(connection: WorkspaceConnection, signal: AbortSignal): Promise<void> {
      const r = await store.read();
      if (r.settings === null || r.status === 'not-configured' || r.status === 'uninstalled') return;
      const config = r.settings.config;
      assertConfigFor(config, connection.workspace);
      const summary = await guarded('uninstall', connection, (started) => runApply({ kind: 'uninstall', config, connection, expectedHash: null, kv, clock, logger: logger.child('apply'), signal, started }));
      if (summary.failure) fail('SQL_ERROR', `Uninstall stopped at step ${summary.failure.stepId}: ${summary.failure.message}`, 'Stay connected, preview the uninstall plan and apply it again.');
    },
    async discardJournals(): Promise<void> {
      for (const kind of ['setup', 'uninstall'] as const) await createPlanJournal(kv, journalKey(kind)).clear();
    },
    /** The kind whose interrupted apply left a journal (the step offers to resume it). */
    async resumable(): Promise<IntegrationView['resumable']> {
      for (const kind of ['setup', 'uninstall'] as const) if (await createPlanJournal(kv, journalKey(kind)).peek()) return kind;
      return null;
    },
  };
}
