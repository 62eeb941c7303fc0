/** Automatic apply: run a plan against the workspace with a journal, retries and progress; write the manifest. */
export { runPlan } from './run-plan';
export type { RunPlanOptions, RunPlanResult, StepEvent, StepExecutor } from './run-plan-types';
export { createPlanJournal, type PlanJournal } from './plan-journal';
export { createSqlStepExecutor, type SqlStepExecutor, type SqlStepExecutorOptions } from './sql-step-executor';
export { isRetryable, type RetryOptions } from '../../http/retry-policy';
export { writeManifest, readManifest, manifestApiPath, manifestVolumePath, ManifestSchema, type Manifest, type ManifestInput } from './manifest';
export { listScheduleMakespan } from './list-schedule';
