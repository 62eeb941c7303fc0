import type { Bucket, MatchRow } from '../../../../shared/contract/users';
import { assertNever } from '../../../../shared/result';

/** The buckets in the order the step shows them: what needs a decision first. */
export const BUCKETS: readonly Bucket[] = ['ambiguous', 'unmatched', 'matched', 'inactive', 'orphan'];

export const BUCKET_TEXT: Readonly<Record<Bucket, string>> = {
  matched: 'Matched',
  unmatched: 'Unmatched',
  ambiguous: 'Ambiguous',
  orphan: 'Orphans',
  inactive: 'Inactive',
};

export type BucketCounts = Readonly<Record<Bucket, number>>;

export function bucketCounts(rows: readonly MatchRow[]): BucketCounts {
  const counts: Record<Bucket, number> = { matched: 0, unmatched: 0, ambiguous: 0, orphan: 0, inactive: 0 };
  for (const r of rows) counts[r.bucket]++;
  return counts;
}

export interface RowFilter {
  /** `all`, or one bucket. */
  readonly bucket: Bucket | 'all';
  /** Case-insensitive text searched in the id, name, email and principal. */
  readonly query: string;
}

/** What the search looks in, lower-cased once per row (the table filters 100,000 rows per keystroke). */
const haystack = (r: MatchRow): string => [r.id ?? '', r.displayName, r.email ?? '', r.principal ?? ''].join('\u0000').toLowerCase();

/**
 * Rows of the bucket whose text contains every word of the query, in the view's order. An index of lower-cased
 * texts is built once per view (rowIndex) so each keystroke is one pass of `includes`.
 */
export function filterRows(rows: readonly MatchRow[], filter: RowFilter, index: readonly string[] = rows.map(haystack)): readonly MatchRow[] {
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (filter.bucket === 'all' && words.length === 0) return rows;
  const out: MatchRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (filter.bucket !== 'all' && r.bucket !== filter.bucket) continue;
    const text = index[i]!;
    if (words.every((w) => text.includes(w))) out.push(r);
  }
  return out;
}

export const rowIndex = (rows: readonly MatchRow[]): readonly string[] => rows.map(haystack);

/** What a row's "decision" cell says: the principal and the rule, or why there is none. */
export function decisionText(r: MatchRow): string {
  switch (r.bucket) {
    case 'matched':
      return `${r.principal ?? ''} (${r.manual ? 'chosen by hand' : `by ${r.matchedBy ?? 'rule'}`})`;
    case 'ambiguous':
      return r.reason ?? `${r.candidates.length} candidates: choose one`;
    case 'unmatched':
      return r.reason ?? 'No principal found';
    case 'orphan':
      return 'No governance user maps to this principal';
    case 'inactive':
      return r.reason ?? 'Inactive';
    default:
      return assertNever(r.bucket, 'bucket');
  }
}
