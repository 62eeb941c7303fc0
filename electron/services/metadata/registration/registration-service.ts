import type { ApplySummary, ExportFile } from '../../../../shared/contract/integration';
import type { IntegrationConfig } from '../../../../shared/integration/config';
import { connectionPayload, connectionPayloadFile } from '../../../../shared/metadata/connection-payload';
import { registrationPlan } from '../../../../shared/metadata/registration-plan';
import type { Plan } from '../../../../shared/integration/plan-types';
import { quoteLiteral, quoteName } from '../../../../shared/sql/quote';
import { fail } from '../../../../shared/result';
import { createPlanJournal, createSqlStepExecutor, runPlan } from '../../integration/apply';
import type { WorkspaceConnection } from '../../connection/types';
import type { MetadataIndex } from '../index/metadata-index';
import { currentSnapshot, lastDiff } from '../index/snapshot-record';
import type { MetadataDeps } from '../metadata-deps';
import { registryChanges } from './registry-changes';

export const REGISTER_JOURNAL = 'metadata-register-journal';

export interface RegistrationPlanView {
  readonly plan: Plan;
  readonly inserts: number;
  readonly updates: number;
  readonly deletes: number;
  readonly crawlId: string;
}

export interface RegistrationContext {
  readonly connection: WorkspaceConnection;
  readonly index: MetadataIndex;
  readonly config: IntegrationConfig;
  readonly signal: AbortSignal;
}

/** Reads the registry and plans against the current snapshot and selection. */
export async function planRegistration(ctx: RegistrationContext): Promise<RegistrationPlanView> {
  const snapshot = (await currentSnapshot(ctx.index)) ?? fail('BAD_REQUEST', 'There is no crawl to register from yet.', 'Crawl the metastore first.');
  const session = await ctx.connection.sql(ctx.config.httpPath);
  try {
    const changes = await registryChanges(ctx.index, session, ctx.config.catalog, ctx.signal);
    const [recorded] = await session.execute(`SELECT count(*) AS n FROM ${quoteName(ctx.config.catalog, 'registry', 'crawl_runs')} WHERE crawl_id = ${quoteLiteral(snapshot.id)}`, { signal: ctx.signal });
    const diff = await lastDiff(ctx.index);
    const plan = registrationPlan(ctx.config.catalog, changes, snapshot, { new: diff.new.length, changed: diff.changed.length, dropped: diff.dropped.length }, Number(Object.values(recorded ?? {})[0] ?? 0) > 0);
    return { plan, inserts: changes.inserts.length, updates: changes.updates.length, deletes: changes.deletes.length, crawlId: snapshot.id };
  } finally {
    await session.close();
  }
}

/**
 * Re-plans and runs the plan the user previewed (refused if it changed since: the hash covers every statement),
 * through step 2's engine: its journal (resume after an interruption), retries and concurrency.
 */
export async function applyRegistration(ctx: RegistrationContext, deps: Pick<MetadataDeps, 'kv' | 'clock'>, planHash: string, onProgress: (done: number, total: number, label: string) => void): Promise<ApplySummary> {
  const { plan } = await planRegistration(ctx);
  if (plan.hash !== planHash) fail('CONFLICT', 'The registration plan is no longer the one you previewed: the selection, the crawl or the registry changed since.', 'Preview the plan again, check it, then register.');
  const executor = createSqlStepExecutor({ openSession: () => ctx.connection.sql(ctx.config.httpPath), maxSessions: 4 });
  try {
    const result = await runPlan({ plan, executor: executor.run, journal: createPlanJournal(deps.kv, REGISTER_JOURNAL), concurrency: 4, signal: ctx.signal, clock: deps.clock, onProgress });
    return { ...result, manifestPath: null };
  } finally {
    await executor.close();
  }
}

/** Seed 002's connection payload for this registration (no secret). */
export function exportConnection(config: IntegrationConfig, rules: Parameters<typeof connectionPayload>[1], connectionKey: string, workspaceId: string | undefined): ExportFile {
  return connectionPayloadFile(connectionPayload(config, rules, connectionKey, workspaceId ? [workspaceId] : []));
}
