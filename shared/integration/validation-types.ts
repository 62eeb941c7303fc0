import { z } from 'zod';

/** Seed 001's validation results: each test passed, failed, warning or skipped, with the reason and the fix. */
export const ValidationStatusSchema = z.enum(['passed', 'failed', 'warning', 'skipped']);
export type ValidationStatus = z.infer<typeof ValidationStatusSchema>;

export const ValidationFixSchema = z.discriminatedUnion('kind', [
  /** SQL that fixes it, for someone with the right privileges to run. */
  z.object({ kind: z.literal('sql'), sql: z.string(), who: z.string() }),
  /** Steps to follow (account console, admin settings…). */
  z.object({ kind: z.literal('steps'), steps: z.array(z.string()) }),
  /** Something the app can do itself when the user asks (enable a system schema through REST). */
  z.object({
    kind: z.literal('enable-system-schema'),
    schema: z.enum(['access', 'query']),
    /** The metastore whose system schema it is: the CLI prints the REST call (a report saved before it was added has none). */
    metastoreId: z.string().optional(),
  }),
]);
export type ValidationFix = z.infer<typeof ValidationFixSchema>;

export const ValidationTestSchema = z.object({
  /** Stable id: `metastore-assigned`, `governed-catalog:sales`. */
  id: z.string(),
  /** Shown and printed by the CLI: "Metastore assigned", "Governed catalog sales: exists, you can grant on it". */
  name: z.string(),
  status: ValidationStatusSchema,
  reason: z.string(),
  fix: ValidationFixSchema.nullable(),
});
export type ValidationTest = z.infer<typeof ValidationTestSchema>;

export const ValidationReportSchema = z.object({
  /** failed if any failed, else warning if any warning, else passed. */
  status: z.enum(['passed', 'failed', 'warning']),
  tests: z.array(ValidationTestSchema),
  /** Epoch ms. */
  at: z.number(),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
