import { z } from 'zod';
import { parsePattern } from './name-pattern';

const PatternSchema = z
  .string()
  .max(1000)
  .superRefine((s, ctx) => {
    const p = parsePattern(s);
    if (typeof p === 'string') ctx.addIssue({ code: 'custom', message: p });
  });

export const TagRuleSchema = z.object({ key: z.string().min(1).max(255), value: z.string().max(1000).optional() }).strict();
export type TagRule = z.infer<typeof TagRuleSchema>;

/**
 * What to register, kept as rules rather than a list of objects, so objects created later follow them (seed 002's
 * connection registers a whole metastore; these narrow it):
 * - a table is selected when an `include` pattern or an `includeTags` tag (on the table or one of its columns)
 *   takes it, and no `exclude` pattern or `excludeTags` tag does (exclusion wins); the catalogs and schemas above a
 *   selected table are registered as its containers;
 * - its state is `defaultActive` (seed 002 `settings.isActive`, recommended false: new objects start inactive)
 *   unless an `activate` or `deactivate` pattern takes it (the deepest pattern wins; deactivate wins a tie);
 * - `forceRecursiveCrawl` (seed 002 `options.forceRecursiveCrawl`, recommended true): objects under an inactive
 *   one are registered inactive; when false, only active objects are crawled, so nothing under an inactive object
 *   is registered at all.
 */
export const SelectionRulesSchema = z
  .object({
    include: z.array(PatternSchema).max(500).default([]),
    exclude: z.array(PatternSchema).max(500).default([]),
    includeTags: z.array(TagRuleSchema).max(100).default([]),
    excludeTags: z.array(TagRuleSchema).max(100).default([]),
    activate: z.array(PatternSchema).max(500).default([]),
    deactivate: z.array(PatternSchema).max(500).default([]),
    defaultActive: z.boolean().default(false),
    forceRecursiveCrawl: z.boolean().default(true),
  })
  .strict();
export type SelectionRules = z.output<typeof SelectionRulesSchema>;
export type SelectionRulesInput = z.input<typeof SelectionRulesSchema>;

export const NO_SELECTION: SelectionRules = SelectionRulesSchema.parse({});
