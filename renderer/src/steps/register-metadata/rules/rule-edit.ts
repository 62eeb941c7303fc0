import { parsePattern } from '../../../../../shared/metadata/name-pattern';
import type { SelectionRules, TagRule } from '../../../../../shared/metadata/selection-rules';

/** The pattern lists of the selection rules (shared/metadata/selection-rules.ts). */
export type PatternList = 'include' | 'exclude' | 'activate' | 'deactivate';
export type TagList = 'includeTags' | 'excludeTags';

/** Each list's opposite: adding a pattern to one takes the same pattern out of the other. */
const OPPOSITE: Readonly<Record<PatternList, PatternList>> = { include: 'exclude', exclude: 'include', activate: 'deactivate', deactivate: 'activate' };
const OPPOSITE_TAGS: Readonly<Record<TagList, TagList>> = { includeTags: 'excludeTags', excludeTags: 'includeTags' };

const PLAIN = /^[^`.*]+$/u;

/** A name part as a pattern segment: as it is when plain, else literal in backticks (a backtick doubled). */
const segment = (part: string): string => (PLAIN.test(part) ? part : `\`${part.replaceAll('`', '``')}\``);

/** The pattern that names exactly this object and everything beneath it: `main`, `main.sales`, `main.sales.orders`. */
export const patternFor = (path: readonly string[]): string => path.slice(0, 3).map(segment).join('.');

const samePattern = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const sameTag = (a: TagRule, b: TagRule): boolean => a.key.toLowerCase() === b.key.toLowerCase() && (a.value ?? null) === (b.value ?? null);

/** Why a pattern typed by hand cannot be used, or undefined. */
export function patternProblem(text: string): string | undefined {
  const p = parsePattern(text);
  return typeof p === 'string' ? p : undefined;
}

export function addPattern(rules: SelectionRules, list: PatternList, pattern: string): SelectionRules {
  const text = pattern.trim();
  const other = OPPOSITE[list];
  return {
    ...rules,
    [list]: rules[list].some((p) => samePattern(p, text)) ? rules[list] : [...rules[list], text],
    [other]: rules[other].filter((p) => !samePattern(p, text)),
  };
}

export const removePattern = (rules: SelectionRules, list: PatternList, pattern: string): SelectionRules => ({
  ...rules,
  [list]: rules[list].filter((p) => !samePattern(p, pattern)),
});

/** Which lists hold exactly this pattern (to show a toggle as pressed). */
export const listsHolding = (rules: SelectionRules, pattern: string): ReadonlySet<PatternList> =>
  new Set((['include', 'exclude', 'activate', 'deactivate'] as const).filter((l) => rules[l].some((p) => samePattern(p, pattern))));

/** `key` or `key=value` as a tag rule, or what is wrong with it. */
export function parseTagRule(text: string): TagRule | string {
  const t = text.trim();
  const eq = t.indexOf('=');
  const key = (eq < 0 ? t : t.slice(0, eq)).trim();
  if (key === '') return 'Write a tag key, or key=value.';
  if (key.length > 255) return 'A tag key has at most 255 characters.';
  return eq < 0 ? { key } : { key, value: t.slice(eq + 1).trim() };
}

export const tagRuleText = (t: TagRule): string => (t.value === undefined ? t.key : `${t.key}=${t.value}`);

export function addTagRule(rules: SelectionRules, list: TagList, tag: TagRule): SelectionRules {
  const other = OPPOSITE_TAGS[list];
  return {
    ...rules,
    [list]: rules[list].some((t) => sameTag(t, tag)) ? rules[list] : [...rules[list], tag],
    [other]: rules[other].filter((t) => !sameTag(t, tag)),
  };
}

export const removeTagRule = (rules: SelectionRules, list: TagList, tag: TagRule): SelectionRules => ({
  ...rules,
  [list]: rules[list].filter((t) => !sameTag(t, tag)),
});

/** Same rules (order and case of patterns kept as written count as the same). */
export function sameRules(a: SelectionRules, b: SelectionRules): boolean {
  const lists = ['include', 'exclude', 'activate', 'deactivate'] as const;
  const tagLists = ['includeTags', 'excludeTags'] as const;
  return (
    a.defaultActive === b.defaultActive &&
    a.forceRecursiveCrawl === b.forceRecursiveCrawl &&
    lists.every((l) => a[l].length === b[l].length && a[l].every((p) => b[l].some((q) => samePattern(p, q)))) &&
    tagLists.every((l) => a[l].length === b[l].length && a[l].every((t) => b[l].some((u) => sameTag(t, u))))
  );
}
