import Papa from 'papaparse';
import type { ExportFile } from '../../../shared/contract/integration';
import type { MatchRow } from '../../../shared/contract/users';

/**
 * A spreadsheet opening the file runs a cell that starts with = + - @ (or a tab / carriage return) as a formula
 * (OWASP "CSV Injection"); names come from the governance product and the workspace, so such cells get a leading
 * apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

export const UNMATCHED_COLUMNS = ['id', 'displayName', 'email', 'kind', 'reason', 'manual'] as const;

/** The unmatched governance users as RFC 4180 CSV with a header row, for fixing in the product or the workspace. */
export function unmatchedCsv(rows: readonly MatchRow[], fileName: string): ExportFile {
  const data = rows
    .filter((r) => r.bucket === 'unmatched' && r.id !== null)
    .map((r) => [r.id ?? '', r.displayName, r.email ?? '', r.kind, r.reason ?? '', r.manual ? 'true' : 'false'].map(safe));
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'users';
  return {
    name: `${base}-unmatched.csv`,
    content: Papa.unparse({ fields: [...UNMATCHED_COLUMNS], data }, { newline: '\r\n', quotes: false }) + '\r\n',
    mediaType: 'text/csv',
  };
}
