import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MatchRow } from '../../../../shared/contract/users';
import { Badge } from '../../ui/badge';
import { TruncatedText } from '../../ui/truncated-text';
import { BUCKET_LOOK } from './users-buckets';
import { BUCKET_TEXT, decisionText } from './users-filter';

const ROW_HEIGHT = 48;
const COLUMNS = 4;

export interface UsersTableProps {
  readonly rows: readonly MatchRow[];
  /** Rows before filtering, for the caption. */
  readonly total: number;
  readonly onResolve: (row: MatchRow) => void;
}

/**
 * The match, one row per governance user (and per orphan principal), virtualized so 100,000 rows scroll smoothly:
 * only the rows in view are in the DOM, between two spacer rows that keep the scroll height. It stays a real table
 * (aria-rowcount / aria-rowindex tell assistive technology where each row sits in the whole list).
 */
export function UsersTable({ rows, total, onResolve }: UsersTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this table on every scroll by design; the compiler's memoizing is not wanted here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <div className="us-table__scroll" ref={scroller} role="region" aria-label="Matched users" tabIndex={0} data-testid="us-table">
      <table className="us-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">
          {rows.length} of {total} rows
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Governance user</th>
            <th scope="col">Bucket</th>
            <th scope="col">Principal</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            <tr aria-hidden="true" className="us-table__spacer" style={{ height: before }}>
              <td colSpan={COLUMNS} />
            </tr>
          ) : null}
          {items.map((v) => (
            <UserRow key={rows[v.index]!.key} row={rows[v.index]!} index={v.index} onResolve={onResolve} />
          ))}
          {after > 0 ? (
            <tr aria-hidden="true" className="us-table__spacer" style={{ height: after }}>
              <td colSpan={COLUMNS} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="us-table__empty">No rows match the search and the bucket.</p> : null}
    </div>
  );
}

function UserRow({ row, index, onResolve }: { readonly row: MatchRow; readonly index: number; readonly onResolve: (row: MatchRow) => void }) {
  const { tone, icon } = BUCKET_LOOK[row.bucket];
  const name = row.id === null ? row.displayName : `${row.displayName} · ${row.id}`;
  return (
    <tr aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }} data-testid="us-row" data-bucket={row.bucket} data-id={row.id ?? ''}>
      <td>
        <TruncatedText text={name} />
        <TruncatedText className="us-table__kind" text={[row.id === null ? `${row.kind} in the workspace` : row.kind, row.email].filter(Boolean).join(' · ')} />
      </td>
      <td>
        <Badge tone={tone} icon={icon}>
          {BUCKET_TEXT[row.bucket]}
        </Badge>
      </td>
      <td data-testid="us-row-decision">
        <TruncatedText text={decisionText(row)} />
      </td>
      <td>
        {row.id === null ? null : (
          <button type="button" className="button button--small" onClick={() => onResolve(row)} aria-label={`${actionWord(row)}: ${row.displayName}`} data-testid="us-row-resolve">
            {actionWord(row)}
          </button>
        )}
      </td>
    </tr>
  );
}

const actionWord = (row: MatchRow): string => (row.bucket === 'ambiguous' ? 'Choose…' : row.bucket === 'unmatched' ? 'Find…' : 'Change…');
