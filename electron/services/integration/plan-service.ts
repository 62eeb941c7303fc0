import type { AddedGrant } from '../../../shared/integration/added-grants';
import type { IntegrationConfig } from '../../../shared/integration/config';
import { mergeObserved, type MetastoreObservation, type ObservedState } from '../../../shared/integration/observed-state';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { planSetup, planUninstall } from '../../../shared/integration/planner';
import { workspaceHost } from '../../../shared/integration/workspace-host';
import { AppFailure } from '../../../shared/result';
import type { SqlSession, WorkspaceConnection } from '../connection/types';
import { observeWorkspace } from './observe/observe-workspace';
import { grantViewerOf } from './observe/viewer';
import { metastoreSummary, systemSchemaEnabled, systemSchemaStates } from './validation/uc-lookups';

/** What observation needs of the signed-in connection: where it is, who it is (which grant source shows all), REST. */
export type Observer = Pick<WorkspaceConnection, 'workspace' | 'identity' | 'rest'>;

/**
 * Observes every target reachable from the signed-in workspace and plans against what is there now. ucbridge holds
 * credentials for the signed-in workspace only: an additional workspace on the same host is observed through this
 * session; one elsewhere stays unobserved, so its steps plan as `create` (they run there, see targetSession).
 */
export async function observeAll(session: SqlSession, config: IntegrationConfig, signal: AbortSignal, observer: Observer): Promise<ObservedState> {
  const host = observer.workspace.host;
  const viewer = await grantViewerOf(observer, signal);
  const reachable = config.additionalWorkspaceConnections.filter((w) => workspaceHost(w.workspaceUrl) === host.toLowerCase());
  const targets = ['main', ...new Set(reachable.map((w) => w.workspaceUrl))];
  const states: ObservedState[] = [];
  // One session, one statement at a time: the targets are few, and the driver's session is not concurrent.
  for (const target of targets) states.push(await observeWorkspace(session, config, viewer, signal, target));
  if (config.audit.enabled) states.push({ targets: {}, at: 0, metastore: await observeMetastore(observer, viewer.metastoreAdmin, signal) });
  return mergeObserved(...states);
}

/** With query audit on: the metastore's id and which system schemas are on, for the set-up's REST steps. */
async function observeMetastore(observer: Observer, installerIsAdmin: boolean, signal: AbortSignal): Promise<MetastoreObservation> {
  const { metastore_id: id } = await metastoreSummary(observer.rest, signal);
  const states = await systemSchemaStates(observer.rest, id, signal);
  return { id, installerIsAdmin, enabledSystemSchemas: [...states].filter(([, state]) => systemSchemaEnabled(state)).map(([schema]) => schema) };
}

/** `added`: what set-up added (the uninstall revokes exactly that); null when no record exists (observation decides). */
export function planFor(kind: PlanKind, config: IntegrationConfig, observed: ObservedState | null, added: readonly AddedGrant[] | null = null): Plan {
  return kind === 'setup' ? planSetup(config, observed) : planUninstall(config, observed, added);
}

export async function observeAndPlan(session: SqlSession, kind: PlanKind, config: IntegrationConfig, signal: AbortSignal, observer: Observer, added: readonly AddedGrant[] | null = null): Promise<Plan> {
  return (await observeAndPlanWith(session, kind, config, signal, observer, added)).plan;
}

/** The plan and the observation it was made against (apply records from it what set-up adds). */
export async function observeAndPlanWith(
  session: SqlSession,
  kind: PlanKind,
  config: IntegrationConfig,
  signal: AbortSignal,
  observer: Observer,
  added: readonly AddedGrant[] | null = null,
): Promise<{ plan: Plan; observed: ObservedState }> {
  const observed = await observeAll(session, config, signal, observer);
  return { plan: planFor(kind, config, observed, added), observed };
}

/**
 * The SQL session a step's target runs on: the main warehouse, or an additional workspace's warehouse when that
 * workspace is the signed-in one. Steps for a workspace elsewhere cannot run from this session; they fail with
 * what to do instead (the exported script has a section per workspace).
 */
export function targetSession(connection: WorkspaceConnection, config: IntegrationConfig, target: string): Promise<SqlSession> {
  if (target === 'main') return connection.sql(config.httpPath);
  const ws = config.additionalWorkspaceConnections.find((w) => w.workspaceUrl === target);
  if (ws && workspaceHost(ws.workspaceUrl) === connection.workspace.host.toLowerCase()) return connection.sql(ws.httpPath);
  return Promise.reject(
    new AppFailure({
      code: 'UNSUPPORTED',
      message: `These steps run on the additional workspace ${target}, and ucbridge is signed in to ${connection.workspace.host}.`,
      hint: `Sign in to ${target} and apply there, or run that workspace's section of the exported setup.sql in it.`,
    }),
  );
}
