import { z } from 'zod';
import { PlanKindSchema, PlanSchema } from '../integration/plan-types';
import { ApplySummarySchema, ExportFileSchema } from './integration';
import { channel } from './define';
import { TaskIdSchema } from './task';

/**
 * Step 3, policies: the policy document travels as text (JSON or YAML, as the user wrote or imported it) and is
 * validated in main (shared/policies/policy-file.ts). Plans and applies use step 2's plan shape and summary.
 */
const PolicyText = z.object({ text: z.string().max(5_000_000), format: z.enum(['json', 'yaml', 'auto']).default('auto') });

export const PolicyValidationSchema = z.object({
  valid: z.boolean(),
  /** Each names the policy and the field, or the conflict and both policies. */
  problems: z.array(z.string()),
  notes: z.array(z.string()),
  policies: z.number().int(),
  /** Whether the workspace runs ABAC policies (tag masks become ABAC policies), null offline. */
  abac: z.boolean().nullable(),
});
export type PolicyValidation = z.infer<typeof PolicyValidationSchema>;

export const PolicyPlanSchema = z.object({ plan: PlanSchema, notes: z.array(z.string()) });
export type PolicyPlanView = z.infer<typeof PolicyPlanSchema>;

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const PolicyPreviewSchema = z.object({
  table: z.string(),
  principal: z.string(),
  /** The account groups the principal is in (directly or nested): what the functions are given. */
  groups: z.array(z.string()),
  columns: z.array(z.string()),
  maskedColumns: z.array(z.string()),
  /** The first rows the principal would see. */
  rows: z.array(z.array(Cell)),
  /** The first rows the installer sees. */
  installerRows: z.array(z.array(Cell)),
  /** Rows of the table the row filter hides from the principal, of `totalRows`. */
  hiddenRows: z.number().int(),
  totalRows: z.number().int(),
  policies: z.array(z.string()),
  /** What the preview could not show, because the applied policies hide it from the installer too. */
  notes: z.array(z.string()),
  /** `deployed`: through the functions in the workspace; `plan`: through the plan's expressions, before apply. */
  source: z.enum(['deployed', 'plan']),
});
export type PolicyPreview = z.infer<typeof PolicyPreviewSchema>;

export const policiesChannels = {
  validate: channel({ input: PolicyText, output: PolicyValidationSchema, summary: 'Check a policy file, against the workspace when signed in' }),
  plan: channel({ input: PolicyText.extend({ kind: PlanKindSchema.default('setup') }), output: PolicyPlanSchema, summary: 'Plan the policies (or their uninstall) against the workspace' }),
  apply: channel({
    input: PolicyText.extend({ taskId: TaskIdSchema, kind: PlanKindSchema, planHash: z.string().min(1) }),
    output: ApplySummarySchema,
    summary: 'Apply the previewed policy plan (or uninstall); refused when the plan changed since',
  }),
  preview: channel({
    input: PolicyText.extend({ principal: z.string().trim().min(1).max(255), table: z.string().min(1).max(800), limit: z.number().int().min(1).max(100).default(20) }),
    output: PolicyPreviewSchema,
    summary: 'The first rows of a table as a principal would see them under the policies',
  }),
  exportScripts: channel({ input: PolicyText, output: z.array(ExportFileSchema), summary: 'The policies as setup and uninstall SQL scripts, offline' }),
} as const;
