import { describe, expect, it } from 'vitest';
import type { MatchRow } from '../../../../shared/contract/users';
import { bucketCounts, decisionText, filterRows, rowIndex } from './users-filter';

const row = (over: Partial<MatchRow> & Pick<MatchRow, 'key' | 'bucket'>): MatchRow => ({
  id: over.key.slice(2),
  displayName: 'Someone',
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

const ROWS: readonly MatchRow[] = [
  row({ key: 'u:1', bucket: 'matched', displayName: "Siobhán O'Brien", email: 'siobhan.obrien@lakeside.example', principal: 'siobhan.obrien@lakeside.example', principalType: 'user', matchedBy: 'userName' }),
  row({ key: 'u:2', bucket: 'ambiguous', displayName: 'Zoë Müller', email: 'zoe@lakeside.example', candidates: [{ principal: 'a', principalType: 'user', displayName: 'A', active: true }, { principal: 'b', principalType: 'user', displayName: 'B', active: true }] }),
  row({ key: 'u:3', bucket: 'unmatched', displayName: 'Ghost Person', reason: 'No Databricks user matches it' }),
  row({ key: 'u:4', bucket: 'inactive', displayName: 'Left Company', reason: 'Inactive in the governance product' }),
  row({ key: 'p:user:9', id: null, bucket: 'orphan', displayName: 'Li Lei', principal: 'li.lei@lakeside.example', principalType: 'user' }),
  row({ key: 'u:5', bucket: 'matched', displayName: 'Finance', kind: 'group', principal: 'finance-analysts', principalType: 'group', matchedBy: 'manual', manual: true }),
];

describe('bucketCounts', () => {
  it('counts every bucket, zero for the empty ones', () => {
    expect(bucketCounts(ROWS)).toEqual({ matched: 2, unmatched: 1, ambiguous: 1, orphan: 1, inactive: 1 });
    expect(bucketCounts([])).toEqual({ matched: 0, unmatched: 0, ambiguous: 0, orphan: 0, inactive: 0 });
  });
});

describe('filterRows', () => {
  const keys = (rows: readonly MatchRow[]) => rows.map((r) => r.key);

  it('returns everything for all buckets and an empty query', () => {
    expect(filterRows(ROWS, { bucket: 'all', query: '  ' })).toBe(ROWS);
  });

  it('keeps one bucket', () => {
    expect(keys(filterRows(ROWS, { bucket: 'matched', query: '' }))).toEqual(['u:1', 'u:5']);
    expect(keys(filterRows(ROWS, { bucket: 'orphan', query: '' }))).toEqual(['p:user:9']);
  });

  it('searches id, name, email and principal case-insensitively, every word', () => {
    expect(keys(filterRows(ROWS, { bucket: 'all', query: "o'BRIEN" }))).toEqual(['u:1']);
    expect(keys(filterRows(ROWS, { bucket: 'all', query: 'lakeside' }))).toEqual(['u:1', 'u:2', 'p:user:9']);
    expect(keys(filterRows(ROWS, { bucket: 'all', query: 'lakeside zoe' }))).toEqual(['u:2']);
    expect(keys(filterRows(ROWS, { bucket: 'all', query: 'finance-analysts' }))).toEqual(['u:5']);
    expect(keys(filterRows(ROWS, { bucket: 'all', query: '3' }))).toEqual(['u:3']);
  });

  it('combines bucket and query, and uses a prebuilt index', () => {
    const index = rowIndex(ROWS);
    expect(keys(filterRows(ROWS, { bucket: 'matched', query: 'lakeside' }, index))).toEqual(['u:1']);
    expect(filterRows(ROWS, { bucket: 'ambiguous', query: 'nobody' }, index)).toEqual([]);
  });

  it('does not match across fields', () => {
    // "Someone" ends, "ghost" is in another row: a query spanning two fields of one row must not join them.
    expect(filterRows(ROWS, { bucket: 'all', query: 'person3' })).toEqual([]);
  });
});

describe('decisionText', () => {
  it('says who and by which rule, or why there is nobody', () => {
    expect(decisionText(ROWS[0]!)).toBe('siobhan.obrien@lakeside.example (by userName)');
    expect(decisionText(ROWS[5]!)).toBe('finance-analysts (chosen by hand)');
    expect(decisionText(ROWS[1]!)).toBe('2 candidates: choose one');
    expect(decisionText({ ...ROWS[1]!, reason: '2 principals match by userName' })).toBe('2 principals match by userName');
    expect(decisionText(ROWS[2]!)).toBe('No Databricks user matches it');
    expect(decisionText(ROWS[4]!)).toBe('No governance user maps to this principal');
  });
});
