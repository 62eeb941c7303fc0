import { CircleCheck, CircleHelp, CircleOff, CircleSlash, List, UserX, type LucideIcon } from 'lucide-react';
import type { Bucket } from '../../../../shared/contract/users';
import type { BadgeTone } from '../../ui/badge';
import { BUCKETS, BUCKET_TEXT, type BucketCounts } from './users-filter';

export const BUCKET_LOOK: Readonly<Record<Bucket, { readonly tone: BadgeTone; readonly icon: LucideIcon }>> = {
  ambiguous: { tone: 'warning', icon: CircleHelp },
  unmatched: { tone: 'danger', icon: CircleOff },
  matched: { tone: 'success', icon: CircleCheck },
  inactive: { tone: 'neutral', icon: CircleSlash },
  orphan: { tone: 'accent', icon: UserX },
};

export interface UsersBucketsProps {
  readonly counts: BucketCounts;
  readonly total: number;
  readonly selected: Bucket | 'all';
  readonly onSelect: (bucket: Bucket | 'all') => void;
}

/**
 * How many rows fall in each bucket: a bar of proportions (decoration: the buttons carry the numbers) over one
 * toggle button per bucket, which also filters the table. Words and icons, never colour alone.
 */
export function UsersBuckets({ counts, total, selected, onSelect }: UsersBucketsProps) {
  return (
    <div className="us-buckets">
      <div className="us-buckets__bar" aria-hidden="true">
        {BUCKETS.filter((b) => counts[b] > 0).map((b) => (
          <span key={b} className={`us-buckets__part ui-badge--${BUCKET_LOOK[b].tone}`} style={{ flexGrow: counts[b] }} />
        ))}
      </div>
      <div className="us-buckets__buttons" role="group" aria-label="Show rows of one bucket">
        <button type="button" className="us-bucket" aria-pressed={selected === 'all'} onClick={() => onSelect('all')} data-testid="us-bucket-all">
          <List size={14} aria-hidden="true" /> All <strong>{total}</strong>
        </button>
        {BUCKETS.map((b) => {
          const { tone, icon: Icon } = BUCKET_LOOK[b];
          return (
            <button
              key={b}
              type="button"
              className={`us-bucket ui-badge--${tone}`}
              aria-pressed={selected === b}
              onClick={() => onSelect(selected === b ? 'all' : b)}
              data-testid={`us-bucket-${b}`}
              data-count={counts[b]}
            >
              <Icon size={14} aria-hidden="true" /> {BUCKET_TEXT[b]} <strong>{counts[b]}</strong>
            </button>
          );
        })}
      </div>
    </div>
  );
}
