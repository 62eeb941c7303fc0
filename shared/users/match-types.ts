import { z } from 'zod';
import { PRINCIPAL_TYPES } from './directory';

/** The rule that decided a match (issue 12 §3), in cascade order; `manual` = a choice in the UI or overrides file. */
export const MATCH_RULES = ['externalId', 'userName', 'email', 'applicationId', 'displayName', 'manual'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export const UNMATCHED_CODES = ['noIdentifier', 'notFound', 'workspaceLocalGroup', 'excludedByOverride', 'overrideNotFound'] as const;
export type UnmatchedCode = (typeof UNMATCHED_CODES)[number];

const principalType = z.enum(PRINCIPAL_TYPES);

export const CandidateSchema = z.object({ principal: z.string(), principalType, principalId: z.string() });
export type Candidate = z.infer<typeof CandidateSchema>;

export const MatchedSchema = z.object({
  id: z.string(),
  principal: z.string(),
  principalType,
  principalId: z.string(),
  matchedBy: z.enum(MATCH_RULES),
});
export type Matched = z.infer<typeof MatchedSchema>;

export const UnmatchedSchema = z.object({ id: z.string(), code: z.enum(UNMATCHED_CODES), reason: z.string() });
export type Unmatched = z.infer<typeof UnmatchedSchema>;

export const AmbiguousSchema = z.object({
  id: z.string(),
  /** The rule that found more than one candidate, or `shared` when several users matched one principal. */
  rule: z.union([z.enum(MATCH_RULES), z.literal('shared')]),
  reason: z.string(),
  candidates: z.array(CandidateSchema).readonly(),
});
export type Ambiguous = z.infer<typeof AmbiguousSchema>;

export const OrphanSchema = z.object({ principal: z.string(), principalType, principalId: z.string() });
export type Orphan = z.infer<typeof OrphanSchema>;

/** Inactive on the governance side (never matched), or matched to a deactivated Databricks principal. */
export const InactiveSchema = z.object({
  id: z.string(),
  side: z.enum(['governance', 'databricks']),
  principal: z.string().optional(),
  principalType: principalType.optional(),
});
export type Inactive = z.infer<typeof InactiveSchema>;

/** `inactive`: the user is inactive in the governance product, so the choice has nothing to apply to. */
export const OVERRIDE_OUTCOMES = ['applied', 'unknownId', 'notFound', 'inactive'] as const;
export const OverrideOutcomeSchema = z.object({ id: z.string(), principal: z.string().nullable(), outcome: z.enum(OVERRIDE_OUTCOMES) });
export type OverrideOutcome = z.infer<typeof OverrideOutcomeSchema>;

/** Every bucket sorted (by id; orphans by type and name): the same inputs in any order give the same result. */
export const MatchResultSchema = z.object({
  matched: z.array(MatchedSchema).readonly(),
  unmatched: z.array(UnmatchedSchema).readonly(),
  ambiguous: z.array(AmbiguousSchema).readonly(),
  orphans: z.array(OrphanSchema).readonly(),
  inactive: z.array(InactiveSchema).readonly(),
  overrides: z.array(OverrideOutcomeSchema).readonly(),
});
export type MatchResult = z.infer<typeof MatchResultSchema>;

/** Manual choices: governance id → principal name, or null for "matches nobody" (issue 12 §3). */
export const OverridesSchema = z.record(z.string(), z.string().min(1).nullable());
export type Overrides = z.infer<typeof OverridesSchema>;
