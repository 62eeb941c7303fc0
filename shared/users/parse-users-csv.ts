import Papa from 'papaparse';
import type { UsersFileProblem } from './governance-user';
import { knownColumn, type RawRow } from './user-row';

export interface LocatedRow {
  readonly line: number;
  readonly row: RawRow;
}

/** Counts line breaks incrementally, so locating every row of a 100,000-row file stays linear. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

function headerProblems(header: readonly string[]): UsersFileProblem[] {
  const problems: UsersFileProblem[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    const key = knownColumn(h) ?? h.trim();
    if (key === '') problems.push({ line: 1, message: 'A column has an empty name in the header row' });
    else if (seen.has(key)) problems.push({ line: 1, message: `Column "${h.trim()}" appears twice in the header row` });
    seen.add(key);
  }
  if (!header.some((h) => knownColumn(h) === 'id')) problems.push({ line: 1, message: 'The header row has no "id" column' });
  return problems;
}

/**
 * RFC 4180 CSV with a header row (issue 12 §2), read by papaparse. Each row keeps the line it starts on, so a
 * problem names the line an editor shows even when a quoted cell spans several lines.
 */
export function readUsersCsv(text: string): { rows: readonly LocatedRow[]; problems: readonly UsersFileProblem[] } {
  const rows: LocatedRow[] = [];
  const problems: UsersFileProblem[] = [];
  const lineAt = lineCounter(text);
  let header: readonly string[] | undefined;
  let start = 0;
  // With a broken header every row would repeat the same complaint: report the header alone.
  let headerBroken = false;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: undefined,
    step: (result) => {
      let begin = start;
      while (text[begin] === '\n' || text[begin] === '\r') begin++;
      start = result.meta.cursor;
      const line = lineAt(begin);
      for (const e of result.errors) problems.push({ line, message: `${e.message} (CSV)` });
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (header === undefined) {
        header = cells;
        const bad = headerProblems(header);
        headerBroken = bad.length > 0;
        problems.push(...bad);
        return;
      }
      if (headerBroken) return;
      if (cells.length !== header.length) {
        problems.push({ line, message: `The row has ${cells.length} cells; the header has ${header.length} columns` });
        return;
      }
      rows.push({ line, row: new Map(header.map((h, i) => [h, cells[i]!])) });
    },
  });
  if (header === undefined) problems.push({ line: 1, message: 'The file is empty: it needs a header row with an "id" column' });
  return { rows, problems };
}
