import { parsePattern, patternDepth, patternMatches, type NamePattern } from './name-pattern';
import type { SelectionRules, TagRule } from './selection-rules';

export type RegistryObjectType = 'CATALOG' | 'SCHEMA' | 'TABLE';

/** A registered object and its state: what `registered_objects` should hold for it. */
export interface Registration {
  readonly objectType: RegistryObjectType;
  readonly parts: readonly string[];
  readonly active: boolean;
}

const compile = (texts: readonly string[]): NamePattern[] =>
  texts.flatMap((t) => {
    const p = parsePattern(t);
    return typeof p === 'string' ? [] : [p];
  });

const tagMatches = (rules: readonly TagRule[], tags: ReadonlySet<string>): boolean =>
  rules.some((r) => (r.value === undefined ? tags.has(r.key.toLowerCase()) : tags.has(`${r.key.toLowerCase()}=${r.value}`)));

/** A table's tags (its own and its columns') as the rules test them: `key` and `key=value`, keys lower-case. */
export function tagSet(tags: Iterable<{ readonly key: string; readonly value: string | null }>): Set<string> {
  const out = new Set<string>();
  for (const t of tags) {
    out.add(t.key.toLowerCase());
    out.add(`${t.key.toLowerCase()}=${t.value ?? ''}`);
  }
  return out;
}

/**
 * Evaluates selection rules (selection-rules.ts says what they mean) over a metastore walked top-down: catalogs,
 * then each catalog's schemas, then each schema's tables. Pure and streaming: it holds the rules, not the objects.
 */
export function compileSelection(rules: SelectionRules) {
  const include = compile(rules.include);
  const exclude = compile(rules.exclude);
  const activate = compile(rules.activate);
  const deactivate = compile(rules.deactivate);

  const deepest = (patterns: readonly NamePattern[], parts: readonly string[]): number =>
    patterns.reduce((d, p) => (patternMatches(p, parts) ? Math.max(d, patternDepth(p)) : d), 0);

  return {
    /** The object's own state before its parents are considered. */
    ownActive(parts: readonly string[]): boolean {
      const on = deepest(activate, parts);
      const off = deepest(deactivate, parts);
      if (on === 0 && off === 0) return rules.defaultActive;
      return on > off;
    },
    excluded(parts: readonly string[], tags?: ReadonlySet<string>): boolean {
      return exclude.some((p) => patternMatches(p, parts)) || (tags !== undefined && tagMatches(rules.excludeTags, tags));
    },
    /** A table is selected by an include pattern or tag, unless excluded. */
    tableSelected(parts: readonly string[], tags: ReadonlySet<string>): boolean {
      if (this.excluded(parts, tags)) return false;
      return include.some((p) => patternMatches(p, parts)) || tagMatches(rules.includeTags, tags);
    },
    /** A catalog or schema an include pattern names directly is registered even without tables. */
    containerSelected(parts: readonly string[]): boolean {
      return !this.excluded(parts) && include.some((p) => patternDepth(p) <= parts.length && patternMatches(p, parts));
    },
    /**
     * The effective state under a parent: `parent` is the parent's effective state (undefined for a catalog).
     * Returns null when the object is not crawled at all (only active objects are, without forceRecursiveCrawl).
     */
    effective(parts: readonly string[], parent: boolean | undefined): boolean | null {
      if (parent === false && !rules.forceRecursiveCrawl) return null;
      return (parent ?? true) && this.ownActive(parts);
    },
  };
}

export type Selection = ReturnType<typeof compileSelection>;
