import { Columns3, Database, FolderTree, Table2 } from 'lucide-react';
import type { SearchHit, TableFilter } from '../../../../../shared/metadata/index-views';
import { useSearch } from '../../../api/hooks/metadata';

const SEARCH_LIMIT = 200;

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

export interface SearchResultsProps {
  readonly query: string;
  readonly filter: TableFilter | undefined;
  readonly onPick: (hit: SearchHit) => void;
}

/** What the index finds for the query (names first, then comments and tags); picking a hit opens it in the tree. */
export function SearchResults({ query, filter, onPick }: SearchResultsProps) {
  const search = useSearch({ query, limit: SEARCH_LIMIT, ...(filter ? { filter } : {}) });
  if (search.isPending) return <p className="rm-muted">Searching…</p>;
  if (search.isError) return <p className="notice">The search failed: {search.error.message}</p>;
  const { total, hits } = search.data;
  return (
    <section className="rm-search" aria-label="Search results" data-testid="rm-search-results" data-query={query} data-total={total}>
      <p className="rm-muted" role="status">
        {total === 0 ? `Nothing matches “${query}”.` : `${total.toLocaleString('en')} match${total === 1 ? '' : 'es'}${total > hits.length ? `, the first ${hits.length} shown` : ''}.`}
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
