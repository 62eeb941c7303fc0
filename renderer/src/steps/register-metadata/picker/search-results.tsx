import { Columns3, Database, FolderTree, Table2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { SearchHit, TableFilter } from '../../../../../shared/metadata/index-views';
import { useSearch } from '../../../api/hooks/metadata';

/**
 * Hits shown (the count says how many match): a screenful and a half of the list. Each hit is a real button in the
 * DOM (Tab reaches every one); 200 of them were a third of a search's time in the renderer at 100,000 tables.
 */
const SEARCH_LIMIT = 50;

function HitIcon({ kind }: { readonly kind: SearchHit['kind'] }) {
  switch (kind) {
    case 'CATALOG':
      return <Database size={15} aria-hidden="true" />;
    case 'SCHEMA':
      return <FolderTree size={15} aria-hidden="true" />;
    case 'TABLE':
      return <Table2 size={15} aria-hidden="true" />;
    case 'COLUMN':
      return <Columns3 size={15} aria-hidden="true" />;
  }
}

/** Catalogs, schemas and tables; columns only when asked (millions of them: the slow part of a search). */
const WITHOUT_COLUMNS = ['CATALOG', 'SCHEMA', 'TABLE'] as const;

export interface SearchResultsProps {
  readonly query: string;
  /** Search column names, comments and tags too. */
  readonly columns: boolean;
  readonly filter: TableFilter | undefined;
  readonly onPick: (hit: SearchHit) => void;
}

/**
 * What the index finds for the query (names first, then comments and tags); picking a hit opens it in the tree.
 * At most one search is in flight: typing while one runs sends only the latest text once it is back, so a fast
 * typist never queues a search per keystroke in main (no fixed debounce delay either).
 */
export function SearchResults({ query, columns, filter, onPick }: SearchResultsProps) {
  const wanted = useMemo(() => ({ query, limit: SEARCH_LIMIT, ...(columns ? {} : { kinds: [...WITHOUT_COLUMNS] }), ...(filter ? { filter } : {}) }), [query, columns, filter]);
  const [sent, setSent] = useState(wanted);
  const search = useSearch(sent);
  // Adjusted while rendering (React's way to follow a prop): the next search goes out once the last one is back.
  if (!search.isFetching && sent !== wanted) setSent(wanted);
  if (search.isPending) return <p className="rm-muted">Searching…</p>;
  if (search.isError) return <p className="notice">The search failed: {search.error.message}</p>;
  const { total, hits } = search.data;
  return (
    <section className="rm-search" aria-label="Search results" aria-busy={sent !== wanted} data-testid="rm-search-results" data-query={sent.query} data-columns={sent.kinds ? 'no' : 'yes'} data-total={total}>
      <p className="rm-muted" role="status">
        {total === 0 ? `Nothing matches “${sent.query}”.` : `${total.toLocaleString('en')} match${total === 1 ? '' : 'es'}${total > hits.length ? `, the first ${hits.length} shown` : ''}.`}
      </p>
      <ul className="rm-search__list">
        {hits.map((hit) => {
          const name = hit.path.join('.');
          return (
            <li key={`${hit.kind}:${name}`}>
              <button type="button" className="rm-search__hit" onClick={() => onPick(hit)} data-testid="rm-search-hit" data-path={name} data-kind={hit.kind}>
                <HitIcon kind={hit.kind} />
                <span className="rm-tree__name">{name}</span>
                <span className="rm-tree__meta">
                  {hit.kind.toLowerCase()}
                  {hit.tableType ? ` · ${hit.tableType.toLowerCase()}` : ''}
                  {hit.matched === 'comment-or-tag' ? ' · in comment or tags' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
