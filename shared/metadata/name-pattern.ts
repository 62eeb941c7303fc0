/**
 * Selection patterns over securable names: `main`, `main.sales.*`, `*.hr_*.*`, `` `odd.name*`.x `` — dot-separated
 * segments, outermost first; `*` in a segment matches any run of characters within that segment; a segment in
 * backticks is literal (a doubled backtick is one backtick), for names that contain `*` or `.` themselves. A
 * pattern of k segments matches an object whose first k name parts match: the object at that depth and everything
 * beneath it, so `main.sales.*` takes every table of main.sales (and their columns), and `main` all of main.
 */
export interface NamePattern {
  readonly text: string;
  readonly segments: readonly RegExp[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()[\]\\|]/g, '\\$&');

/** The segments of a pattern, or an error message in plain language. */
export function parsePattern(text: string): NamePattern | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'A pattern cannot be empty.';
  const segments: RegExp[] = [];
  let i = 0;
  while (i <= trimmed.length) {
    if (trimmed[i] === '`') {
      let literal = '';
      i++;
      for (;;) {
        if (i >= trimmed.length) return `Unclosed backtick in "${trimmed}".`;
        if (trimmed[i] === '`') {
          if (trimmed[i + 1] === '`') {
            literal += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        literal += trimmed[i++];
      }
      segments.push(new RegExp(`^${escape(literal)}$`, 'iu'));
    } else {
      let glob = '';
      while (i < trimmed.length && trimmed[i] !== '.') glob += trimmed[i++];
      if (glob === '') return `Empty name part in "${trimmed}".`;
      segments.push(new RegExp(`^${glob.split('*').map(escape).join('.*')}$`, 'iu'));
    }
    if (i >= trimmed.length) break;
    if (trimmed[i] !== '.') return `Expected "." after a backticked part in "${trimmed}".`;
    i++;
    if (i >= trimmed.length) return `"${trimmed}" ends with a ".".`;
  }
  if (segments.length > 3) return `"${trimmed}" has ${segments.length} parts; patterns name catalogs, schemas and tables (at most 3 parts).`;
  return { text: trimmed, segments };
}

/** Does the pattern take the object named by `parts` (or an ancestor of it, which takes it too)? */
export function patternMatches(p: NamePattern, parts: readonly string[]): boolean {
  if (parts.length < p.segments.length) return false;
  return p.segments.every((re, i) => re.test(parts[i]!));
}

/** How specific a match is: the depth the pattern names (a deeper pattern overrides a shallower one). */
export const patternDepth = (p: NamePattern): number => p.segments.length;
