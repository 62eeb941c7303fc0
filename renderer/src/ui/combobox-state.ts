/**
 * The Combobox's pure parts: which suggestions a typed text shows, and where the highlighted option moves on a key.
 * Kept apart from the component so the rules are unit-tested.
 */
export interface Suggestion {
  readonly value: string;
  /** A second, quieter line (an owner, a comment). */
  readonly detail?: string;
  /** Tells apart suggestions with the same text (two principals both named "bi-dashboards"); the value otherwise. */
  readonly id?: string;
}

export interface Filtered {
  readonly shown: readonly Suggestion[];
  /** Matches left out to keep the list short. */
  readonly hidden: number;
}

/** Case-insensitive "contains"; names starting with the text come first; an empty text shows everything. */
export function filterSuggestions(all: readonly Suggestion[], typed: string, limit = 50): Filtered {
  const needle = typed.trim().toLowerCase();
  const matches = needle === '' ? [...all] : all.filter((s) => s.value.toLowerCase().includes(needle));
  if (needle !== '') matches.sort((a, b) => Number(!a.value.toLowerCase().startsWith(needle)) - Number(!b.value.toLowerCase().startsWith(needle)));
  return { shown: matches.slice(0, limit), hidden: Math.max(0, matches.length - limit) };
}

/** The next highlighted index for ArrowDown/ArrowUp/Home/End (wrapping, as the WAI-ARIA combobox pattern allows); -1 is none. */
export function moveActive(active: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, active) + 10);
    case 'PageUp':
      return Math.max(0, active - 10);
    default:
      return active;
  }
}
