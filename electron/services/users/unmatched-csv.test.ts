import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MatchRow } from '../../../shared/contract/users';
import { unmatchedCsv } from './unmatched-csv';

const row = (over: Partial<MatchRow> & Pick<MatchRow, 'key' | 'bucket'>): MatchRow => ({
  id: over.key.slice(2),
  displayName: 'x',
  email: null,
  kind: 'user',
  principal: null,
  principalType: null,
  matchedBy: null,
  reason: null,
  candidates: [],
  manual: false,
  ...over,
});

describe('unmatchedCsv', () => {
  it('lists the unmatched only, as RFC 4180 CSV that reads back the same', () => {
    const rows = [
      row({ key: 'u:1', bucket: 'matched' }),
      row({ key: 'u:2', bucket: 'unmatched', displayName: 'Marcus "Mo" D\'Angelo, Jr.', email: 'mo@example.com', reason: 'No Databricks user matches it' }),
      row({ key: 'p:user:9', id: null, bucket: 'orphan' }),
      row({ key: 'u:3', bucket: 'unmatched', displayName: 'Line\nbreak', reason: 'Set to match nobody by a manual choice', manual: true }),
    ];
    const file = unmatchedCsv(rows, 'lakeside users.csv');
    expect(file).toMatchObject({ name: 'lakeside_users-unmatched.csv', mediaType: 'text/csv' });
    const back = Papa.parse<string[]>(file.content.trimEnd(), { newline: '\r\n' }).data;
    expect(back).toEqual([
      ['id', 'displayName', 'email', 'kind', 'reason', 'manual'],
      ['2', 'Marcus "Mo" D\'Angelo, Jr.', 'mo@example.com', 'user', 'No Databricks user matches it', 'false'],
      ['3', 'Line\nbreak', '', 'user', 'Set to match nobody by a manual choice', 'true'],
    ]);
  });

  it('turns cells a spreadsheet would run as formulas into text (CSV injection)', () => {
    const file = unmatchedCsv([row({ key: 'u:=1+1', bucket: 'unmatched', displayName: '@SUM(A1)', email: '-2+3', reason: '+cmd' })], 'u.json');
    const [, cells] = Papa.parse<string[]>(file.content.trimEnd(), { newline: '\r\n' }).data;
    expect(cells!.slice(0, 3)).toEqual(["'=1+1", "'@SUM(A1)", "'-2+3"]);
    expect(cells![4]).toBe("'+cmd");
  });
});
