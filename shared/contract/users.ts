import { z } from 'zod';
import { PlanSchema } from '../integration/plan-types';
import { channel } from './define';
import { ApplySummarySchema, ExportFileSchema } from './integration';
import { TaskIdSchema } from './task';

/**
 * Step 3, users: the governance product's users file travels as text and is parsed in main (shared/users); the
 * directory, the match and the manual choices stay in main, per workspace, so the window only ever asks for views.
 * Reading the directory and writing the mapping are tasks (progress on `task.progress`, cancel with `task.cancel`).
 */

export const PrincipalTypeSchema = z.enum(['user', 'group', 'servicePrincipal']);
export type PrincipalType = z.infer<typeof PrincipalTypeSchema>;

/** The rule of the matching cascade that decided (issue 12 §3), or `manual` for a choice made by hand. */
export const MatchRuleSchema = z.enum(['externalId', 'userName', 'email', 'applicationId', 'displayName', 'manual']);
export type MatchRule = z.infer<typeof MatchRuleSchema>;

export const BucketSchema = z.enum(['matched', 'unmatched', 'ambiguous', 'orphan', 'inactive']);
export type Bucket = z.infer<typeof BucketSchema>;

export const FileProblemSchema = z.object({ line: z.number().int().nonnegative(), message: z.string() });
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const UsersImportSchema = z.object({
  /** False when the file has errors: nothing of it is kept (the earlier import, if any, stays). */
  accepted: z.boolean(),
  fileName: z.string(),
  users: z.number().int(),
  /** Attribute columns (every column besides the known ones). */
  attributes: z.array(z.string()),
  /** Line-numbered, the first ones only; `moreProblems` counts the rest. */
  problems: z.array(FileProblemSchema),
  moreProblems: z.number().int(),
});
export type UsersImport = z.infer<typeof UsersImportSchema>;

export const DirectorySummarySchema = z.object({
  users: z.number().int(),
  groups: z.number().int(),
  servicePrincipals: z.number().int(),
  /** Account SCIM (with externalId) when signed in at account level, else the workspace's. */
  source: z.enum(['account', 'workspace']),
  readAt: z.number(),
});
export type DirectorySummary = z.infer<typeof DirectorySummarySchema>;

export const CandidateSchema = z.object({
  /** The Unity Catalog principal name: a user name, a group's display name, a service principal's application id. */
  principal: z.string(),
  principalType: PrincipalTypeSchema,
  displayName: z.string(),
  active: z.boolean(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const MatchRowSchema = z.object({
  /** Unique in the view: `u:<id>` for a governance user, `p:<type>:<principal>` for an orphan. */
  key: z.string(),
  /** The governance product's id; null for an orphan (a principal no governance user maps to). */
  id: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  kind: PrincipalTypeSchema,
  bucket: BucketSchema,
  principal: z.string().nullable(),
  principalType: PrincipalTypeSchema.nullable(),
  matchedBy: MatchRuleSchema.nullable(),
  /** Why it is unmatched or inactive, in plain language. */
  reason: z.string().nullable(),
  /** For an ambiguous row: the principals it could be. */
  candidates: z.array(CandidateSchema),
  /** A manual choice (or "no principal") decides this row. */
  manual: z.boolean(),
});
export type MatchRow = z.infer<typeof MatchRowSchema>;

export const MatchViewSchema = z.object({
  rows: z.array(MatchRowSchema),
  fileName: z.string(),
  directory: DirectorySummarySchema,
  /** How many manual choices are kept for this workspace. */
  choices: z.number().int(),
});
export type MatchView = z.infer<typeof MatchViewSchema>;

const WriteCountsSchema = z.object({ inserts: z.number().int(), updates: z.number().int(), deletes: z.number().int() });
export type WriteCounts = z.infer<typeof WriteCountsSchema>;

export const UsersPlanSchema = z.object({
  plan: PlanSchema,
  mapping: WriteCountsSchema,
  attributes: WriteCountsSchema,
  notes: z.array(z.string()),
});
export type UsersPlanView = z.infer<typeof UsersPlanSchema>;

export const UsersStatusSchema = z.object({
  /** The workspace the state below belongs to; null when not signed in. */
  workspace: z.string().nullable(),
  imported: z.object({ fileName: z.string(), users: z.number().int(), importedAt: z.number() }).nullable(),
  directory: DirectorySummarySchema.nullable(),
  choices: z.number().int(),
  lastApply: ApplySummarySchema.nullable(),
});
export type UsersStatus = z.infer<typeof UsersStatusSchema>;

const empty = z.object({}).strict();
const UserId = z.string().min(1).max(1000);

export const usersChannels = {
  status: channel({ input: empty, output: UsersStatusSchema, summary: 'What is imported, read and chosen for the signed-in workspace' }),
  importFile: channel({
    input: z.object({ text: z.string().max(64_000_000), fileName: z.string().max(260).default('users'), format: z.enum(['csv', 'json', 'auto']).default('auto') }).strict(),
    output: UsersImportSchema,
    summary: 'Parse a users file (CSV or JSON); kept for the workspace only when it has no errors',
  }),
  readDirectory: channel({
    input: z.object({ taskId: TaskIdSchema }).strict(),
    output: DirectorySummarySchema,
    summary: 'Read users, groups and service principals through SCIM (progress, cancel)',
  }),
  match: channel({ input: empty, output: MatchViewSchema, summary: 'Match the imported users to the directory, manual choices applied' }),
  setChoice: channel({
    input: z.object({ id: UserId, principal: z.string().trim().min(1).max(255).nullable() }).strict(),
    output: MatchViewSchema,
    summary: 'Decide a user by hand: a principal, or null for "no principal"',
  }),
  clearChoice: channel({ input: z.object({ id: UserId }).strict(), output: MatchViewSchema, summary: 'Forget a manual choice: the cascade decides again' }),
  searchPrincipals: channel({
    input: z.object({ query: z.string().max(255), type: PrincipalTypeSchema.optional(), limit: z.number().int().min(1).max(100).default(30) }).strict(),
    output: z.array(CandidateSchema),
    summary: 'Principals of the directory whose name or display name contains the text',
  }),
  exportUnmatched: channel({ input: empty, output: ExportFileSchema, summary: 'The unmatched users as CSV (id, name, email, kind, reason)' }),
  plan: channel({ input: empty, output: UsersPlanSchema, summary: 'Plan the mapping and attribute writes: inserts, updates, deletes' }),
  apply: channel({
    input: z.object({ taskId: TaskIdSchema, planHash: z.string().min(1).max(128) }).strict(),
    output: ApplySummarySchema,
    summary: 'Write the previewed mapping and attributes (progress, cancel); refused when the plan changed since',
  }),
} as const;
