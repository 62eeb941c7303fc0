import type { ApplySummary } from '../../../../shared/contract/integration';
import type { Plan, PlanStep } from '../../../../shared/integration/plan-types';
import type { Clock } from '../../../ports';
import type { PlanJournal } from './plan-journal';
import type { RetryOptions } from '../../http/retry-policy';

/** Runs one step's statement; rejects with an AppFailure. Aborting `signal` must stop it (the apply was cancelled). */
export type StepExecutor = (step: PlanStep, signal: AbortSignal) => Promise<void>;

/** The shape of the `integration.step` event, without the task id (the caller adds it). */
export interface StepEvent {
  readonly stepId: string;
  readonly state: 'running' | 'done' | 'skipped' | 'failed' | 'retrying';
  readonly message?: string;
}

export interface RunPlanOptions {
  readonly plan: Plan;
  readonly executor: StepExecutor;
  readonly journal: PlanJournal;
  /** Statements in flight at once (default 4). */
  readonly concurrency?: number;
  /** Cancel: no new step starts, running ones are aborted, the journal keeps what finished; rejects CANCELLED. */
  readonly signal?: AbortSignal;
  readonly onStep?: (event: StepEvent) => void;
  /** After each step that finished or was skipped; `total` is every step of the plan. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
  readonly clock?: Clock;
  /** Retries per step (default: the shared policy, `DEFAULT_RETRY_POLICY`); a Retry-After the failure carries is honoured. */
  readonly retry?: RetryOptions;
}

/**
 * ApplySummary without `manifestPath` (the caller writes the manifest after a successful run). `skipped` counts
 * steps marked unchanged and steps an interrupted run already finished; steps not run because a dependency failed
 * count in none of ran/skipped/failed (their `integration.step` event is `skipped` with the reason).
 */
export type RunPlanResult = Omit<ApplySummary, 'manifestPath'>;
