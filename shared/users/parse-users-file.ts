import type { GovernanceUser, UsersFileProblem } from './governance-user';
import { readUsersCsv, type LocatedRow } from './parse-users-csv';
import { readUsersJson } from './parse-users-json';
import { rowToUser } from './user-row';

export type UsersFileFormat = 'csv' | 'json';

export type UsersFileResult =
  | { readonly ok: true; readonly users: readonly GovernanceUser[] }
  | { readonly ok: false; readonly problems: readonly UsersFileProblem[] };

/** More than this many problems are summarised: a wrong file would otherwise produce one message per row. */
export const MAX_PROBLEMS = 200;

/** The format a file name says, else what the text starts with (`[` is JSON). */
export function detectFormat(text: string, fileName?: string): UsersFileFormat {
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return text.trimStart().startsWith('[') ? 'json' : 'csv';
}

function toUsers(rows: readonly LocatedRow[], problems: UsersFileProblem[]): GovernanceUser[] {
  const users: GovernanceUser[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, row } of rows) {
    const r = rowToUser(row);
    if ('problems' in r) {
      for (const message of r.problems) problems.push({ line, message });
      continue;
    }
    const seen = firstLine.get(r.user.id);
    if (seen !== undefined) problems.push({ line, message: `id "${r.user.id}" is already used on line ${seen}` });
    else firstLine.set(r.user.id, line);
    users.push(r.user);
  }
  return users;
}

/**
 * The governance product's users file (issue 12 §2). All or nothing: while any row has a problem no user is
 * returned, so nothing is written from a half-read file.
 */
export function parseUsersFile(text: string, format: UsersFileFormat = detectFormat(text)): UsersFileResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const read = format === 'json' ? readUsersJson(body) : readUsersCsv(body);
  const problems = [...read.problems];
  const users = toUsers(read.rows, problems);
  if (problems.length === 0) return { ok: true, users };
  const sorted = problems.sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_PROBLEMS) return { ok: false, problems: sorted };
  const more = sorted.length - MAX_PROBLEMS;
  return { ok: false, problems: [...sorted.slice(0, MAX_PROBLEMS), { line: sorted[MAX_PROBLEMS]!.line, message: `… and ${more} more problem${more === 1 ? '' : 's'}` }] };
}
