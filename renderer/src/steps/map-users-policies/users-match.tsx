import { Download, Search } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { Bucket, MatchRow } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { useExportUnmatched, useUsersMatch } from '../../api/hooks/users';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { Button } from '../../ui/button';
import { downloadFile } from '../configure-integration/download-file';
import { UsersBuckets } from './users-buckets';
import { bucketCounts, filterRows, rowIndex } from './users-filter';
import { UsersResolveDialog } from './users-resolve-dialog';
import { UsersTable } from './users-table';
import { useDebounced } from './use-debounced';

/** The match: counts per bucket, a searchable table filterable by bucket, manual choices, and the unmatched as CSV. */
export function UsersMatch() {
  const id = useId();
  const match = useUsersMatch(true);
  const [bucket, setBucket] = useState<Bucket | 'all'>('all');
  const [query, setQuery] = useState('');
  const [resolving, setResolving] = useState<MatchRow | null>(null);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const rows = match.data?.rows;
  const index = useMemo(() => (rows ? rowIndex(rows) : []), [rows]);
  const counts = useMemo(() => bucketCounts(rows ?? []), [rows]);
  const settledQuery = useDebounced(query, 120);
  const shown = useMemo(() => (rows ? filterRows(rows, { bucket, query: settledQuery }, index) : []), [rows, bucket, settledQuery, index]);
  const exportUnmatched = useExportUnmatched({
    onSuccess: (file) => {
      downloadFile(file);
      announce(`${file.name} downloaded.`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const error = failure ?? (match.error ? toAppError(match.error) : undefined);
  return (
    <section className="us-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>3. Check the match</h3>
      <p className="ci-muted">
        Rules, in order: external ID, user name (any case), any email (any case), a service principal’s application ID, a group’s name. Choose by hand where the rules found
        several principals or none; your choices are kept for this workspace.
      </p>
      {error ? <ErrorView action="Match the users" error={error} onDismiss={() => (setFailure(undefined), void match.refetch())} /> : null}
      {match.isPending ? <p role="status">Matching…</p> : null}
      {rows ? (
        <>
          <UsersBuckets counts={counts} total={rows.length} selected={bucket} onSelect={setBucket} />
          <div className="us-toolbar">
            <div className="field us-toolbar__search">
              <label htmlFor={`${id}-search`}>
                <Search size={14} aria-hidden="true" /> Search
              </label>
              <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, id, email or principal" autoComplete="off" spellCheck={false} data-testid="us-search" />
            </div>
            <Button className="button" disabledReason={counts.unmatched === 0 ? 'Every user is matched: there is no one to export.' : undefined} busy={exportUnmatched.isPending} onClick={() => exportUnmatched.mutate({})} data-testid="us-export-unmatched">
              <Download size={16} aria-hidden="true" /> Export the unmatched (CSV)
            </Button>
          </div>
          <p className="us-shown" role="status" data-testid="us-shown">
            Showing {shown.length} of {rows.length}.
            {match.data && match.data.choices > 0 ? ` ${match.data.choices} decided by hand.` : ''}
          </p>
          <UsersTable rows={shown} total={rows.length} onResolve={setResolving} />
          <UsersResolveDialog row={resolving} onClose={() => setResolving(null)} />
        </>
      ) : null}
    </section>
  );
}
