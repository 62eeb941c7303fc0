import type { IntegrationConfig } from '../../../shared/integration/config';
import { mergeObserved, type ObservedState } from '../../../shared/integration/observed-state';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { planSetup, planUninstall } from '../../../shared/integration/planner';
import type { SqlSession } from '../connection/types';
import { observeWorkspace } from './observe/observe-workspace';

/**
 * Observes every target the config names and plans against what is there now. Additional workspaces share the
 * main workspace's metastore (seed 001: one metastore per integration), so their grants are observed and run
 * through the main workspace's warehouse — ucbridge holds credentials for the signed-in workspace only. A catalog
 * bound to another workspace alone is not visible from here; validation reports that before anything runs.
 */
export async function observeAll(session: SqlSession, config: IntegrationConfig, signal: AbortSignal): Promise<ObservedState> {
  const targets = ['main', ...new Set(config.additionalWorkspaceConnections.map((w) => w.workspaceUrl))];
  const states: ObservedState[] = [];
  // One session, one statement at a time: the targets are few, and the driver's session is not concurrent.
  for (const target of targets) states.push(await observeWorkspace(session, config, signal, target));
  return mergeObserved(...states);
}

export function planFor(kind: PlanKind, config: IntegrationConfig, observed: ObservedState | null): Plan {
  return kind === 'setup' ? planSetup(config, observed) : planUninstall(config, observed);
}

export async function observeAndPlan(session: SqlSession, kind: PlanKind, config: IntegrationConfig, signal: AbortSignal): Promise<Plan> {
  return planFor(kind, config, await observeAll(session, config, signal));
}
