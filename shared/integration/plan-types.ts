import { z } from 'zod';

/**
 * A plan: ordered, idempotent SQL steps. The planner (a pure function of config and observed workspace state)
 * makes them; automatic apply runs them; the exported script prints them — the same statements from the same code.
 */

/**
 * Against the workspace as last observed: does running the step create something, change something, or nothing?
 * `drop` is a change that destroys data (`DROP CATALOG … CASCADE` removes every schema, table and file in it): it
 * is shown apart (in red in the app, listed before the CLI's question) and the app asks for the name to be typed.
 */
export const StepActionSchema = z.enum(['create', 'change', 'unchanged', 'drop']);
export type StepAction = z.infer<typeof StepActionSchema>;

/** A REST call a step makes instead of a statement (enabling a system schema has no SQL form). */
export const RestCallSchema = z.object({ method: z.literal('PUT'), path: z.string().startsWith('/api/'), body: z.record(z.string(), z.unknown()) });
export type RestCall = z.output<typeof RestCallSchema>;

export const PlanStepSchema = z.object({
  /** Stable across runs for the same config (`catalog`, `grant:sp:use-catalog:sales`): the journal keys on it. */
  id: z.string().min(1).max(512),
  /** One statement, no trailing semicolon, every identifier and literal quoted by shared/sql/quote.ts. */
  sql: z.string(),
  /** Why, in plain language, for the preview and the script's comment. */
  purpose: z.string(),
  dependsOn: z.array(z.string()),
  /** The statement that undoes this one (the uninstall plan is built from them); null when nothing is to undo. */
  inverse: z.string().nullable(),
  action: StepActionSchema,
  /** Which workspace runs it: the main one, or an additional workspace's URL. */
  target: z.string().default('main'),
  /** A step of kind `rest`: this call is made instead of running `sql`, which then reads `PUT /api/…`. */
  rest: RestCallSchema.optional(),
});
export type PlanStep = z.output<typeof PlanStepSchema>;

export const PlanKindSchema = z.enum(['setup', 'uninstall']);
export type PlanKind = z.infer<typeof PlanKindSchema>;

export const PlanSchema = z.object({
  kind: PlanKindSchema,
  steps: z.array(PlanStepSchema),
  /** sha-256 (hex) of the steps' ids and SQL in order: what the journal and the manifest refer to. */
  hash: z.string(),
  /** What the user must know before running it (an uninstall planned without a record of what set-up added). */
  warnings: z.array(z.string()).optional(),
});
export type Plan = z.output<typeof PlanSchema>;
