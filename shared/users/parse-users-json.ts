import type { UsersFileProblem } from './governance-user';
import type { LocatedRow } from './parse-users-csv';

/**
 * The line each top-level array element starts on. JSON.parse keeps no positions, so this scans the (already
 * valid) text once, tracking strings and nesting depth.
 */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** The line of a JSON.parse error, from the position Node puts in its message. */
function syntaxLine(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos === null) return 1;
  return text.slice(0, Number(pos[1])).split('\n').length;
}

function cell(value: unknown): string | readonly string[] | undefined | Error {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return new Error('must be a string, number, boolean or (for "email") a list of strings');
}

/** A JSON array of objects (issue 12 §2): each property a column, like a CSV cell. */
export function readUsersJson(text: string): { rows: readonly LocatedRow[]; problems: readonly UsersFileProblem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { rows: [], problems: [{ line: syntaxLine(text, message), message: `Not valid JSON: ${message}` }] };
  }
  if (!Array.isArray(parsed)) return { rows: [], problems: [{ line: 1, message: 'The JSON file must be an array of user objects' }] };
  const lines = elementLines(text);
  const rows: LocatedRow[] = [];
  const problems: UsersFileProblem[] = [];
  parsed.forEach((item: unknown, i) => {
    const line = lines[i] ?? 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ line, message: `Element ${i + 1} is not an object` });
      return;
    }
    const row = new Map<string, string | readonly string[]>();
    for (const [key, value] of Object.entries(item)) {
      const v = cell(value);
      if (v instanceof Error) problems.push({ line, message: `"${key}" ${v.message}` });
      else if (v !== undefined) row.set(key, v);
    }
    rows.push({ line, row });
  });
  return { rows, problems };
}
