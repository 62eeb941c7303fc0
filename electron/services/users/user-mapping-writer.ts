import type { ApplySummary } from '../../../shared/contract/integration';
import type { IntegrationConfig } from '../../../shared/integration/config';
import type { Plan } from '../../../shared/integration/plan-types';
import { AppFailure, fail } from '../../../shared/result';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import { changeCounts, mappingChanges, userMappingPlan } from '../../../shared/users/mapping-plan';
import type { AttributeRow, MappingRow } from '../../../shared/users/mapping-rows';
import { desiredRows } from '../../../shared/users/mapping-rows';
import { readAttributesSql, readMappingSql } from '../../../shared/users/mapping-sql';
import type { MatchResult } from '../../../shared/users/match-types';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { SqlSession, WorkspaceConnection } from '../connection/types';
import { createPlanJournal, createSqlStepExecutor, runPlan, type StepEvent } from '../integration/apply';

/** What writing the mapping runs with: the saved step-2 config and the connection it is for (policies' PolicyRun shape). */
export interface UserWriteRun {
  readonly config: IntegrationConfig;
  readonly connection: WorkspaceConnection;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

type Counts = { readonly inserts: number; readonly updates: number; readonly deletes: number };
export interface UserMappingPlan {
  readonly plan: Plan;
  readonly mapping: Counts;
  readonly attributes: Counts;
  readonly notes: string[];
}

export const USERS_JOURNAL_KEY = 'users-mapping-journal';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * A missing table, schema or catalog means step 2 has not set up this catalog (error classes TABLE_OR_VIEW_NOT_FOUND
 * 42P01, SCHEMA_NOT_FOUND, CATALOG_NOT_FOUND: reference unity-catalog-scim-rest.md R56;
 * https://docs.databricks.com/en/error-messages/table-or-view-not-found-error-class.html): say so, with the fix.
 */
function notSetUp(e: unknown, catalog: string): never {
  if (e instanceof AppFailure && e.error.code === 'SQL_ERROR' && /TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|42P01/.test(e.error.message)) {
    fail('NOT_FOUND', `The integration catalog ${catalog} has no user mapping tables (entitlements.user_mapping, principal_attributes).`, 'Set up the integration first (step 2, or ucbridge apply), then write the mapping.');
  }
  throw e;
}

/** What the two tables hold now, read through the warehouse (the rows are ucbridge's: step 2 created the tables). */
async function observeRows(run: UserWriteRun): Promise<{ mapping: MappingRow[]; attributes: AttributeRow[] }> {
  const session = await run.connection.sql(run.config.httpPath);
  try {
    return await readRows(run, session);
  } catch (e) {
    return notSetUp(e, run.config.catalog);
  } finally {
    await session.close();
  }
}

async function readRows(run: UserWriteRun, session: SqlSession): Promise<{ mapping: MappingRow[]; attributes: AttributeRow[] }> {
  const mapping = (await session.execute(readMappingSql(run.config.catalog), { signal: run.signal })).map((r) => ({
    externalId: text(r.external_id),
    principal: text(r.principal),
    principalType: text(r.principal_type),
    matchedBy: text(r.matched_by),
  }));
  const attributes = (await session.execute(readAttributesSql(run.config.catalog), { signal: run.signal })).map((r) => ({ principal: text(r.principal), attribute: text(r.attribute), value: text(r.value) }));
  return { mapping, attributes };
}

/** The plan that makes both tables hold this match: inserts, updates and deletes in batches, with counts. */
export async function planUserMapping(run: UserWriteRun, users: readonly GovernanceUser[], match: MatchResult): Promise<UserMappingPlan> {
  const changes = mappingChanges(desiredRows(users, match), await observeRows(run));
  const notes: string[] = [];
  if (match.ambiguous.length > 0) notes.push(`${match.ambiguous.length} ambiguous user${match.ambiguous.length === 1 ? ' is' : 's are'} left out until chosen by hand.`);
  return { plan: userMappingPlan(run.config.catalog, changes), ...changeCounts(changes), notes };
}

export interface UserMappingApplyOptions {
  readonly expectedHash: string | null;
  readonly onStep?: (e: StepEvent) => void;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Plans again and runs exactly the previewed plan with step 2's engine (journal, resume, retries), else refuses. */
export async function applyUserMapping(run: UserWriteRun, users: readonly GovernanceUser[], match: MatchResult, o: UserMappingApplyOptions): Promise<ApplySummary> {
  o.onProgress?.(0, 0, 'Reading the mapping tables…');
  const planned = await planUserMapping(run, users, match);
  if (o.expectedHash !== null && planned.plan.hash !== o.expectedHash) {
    return fail('CONFLICT', 'The plan is no longer the one you previewed: the users, the choices or the tables changed since.', 'Preview the changes again, check them, then write.');
  }
  const executor = createSqlStepExecutor({ openSession: () => run.connection.sql(run.config.httpPath), maxSessions: 2 });
  try {
    const result = await runPlan({
      plan: planned.plan,
      executor: executor.run,
      journal: createPlanJournal(run.kv, USERS_JOURNAL_KEY),
      concurrency: 2,
      signal: run.signal,
      clock: run.clock,
      ...(o.onStep ? { onStep: o.onStep } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    run.logger.info('user mapping written', { ran: result.ran, skipped: result.skipped, failed: result.failed });
    return { ...result, manifestPath: null };
  } finally {
    await executor.close();
  }
}
