import { Search } from 'lucide-react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { MetadataStatus } from '../../../../../shared/contract/metadata';
import type { SearchHit } from '../../../../../shared/metadata/index-views';
import { pickObject, usePickedObject, type PickedObject } from '../picked-object';
import { useRulesDraft } from '../rules/rules-draft';
import { RulesPanel } from '../rules/rules-panel';
import { CatalogTree } from './catalog-tree';
import { FilterBar, filterOf, NO_FILTER, type FilterDraft } from './filter-bar';
import { PickedPanel } from './picked-panel';
import { SearchResults } from './search-results';
import { keyOf, type TreeRow } from './tree-model';
import { useTree } from './use-tree';

const pickedOf = (row: TreeRow): PickedObject | undefined => {
  switch (row.type) {
    case 'node':
      return { kind: row.node.kind, path: row.node.path };
    case 'column':
      return { kind: 'COLUMN', path: [...row.table, row.column.name] };
    case 'more':
      return undefined;
  }
};

export interface PickerPanelProps {
  readonly status: MetadataStatus;
  readonly onOpenLineage?: ((fullName: string) => void) | undefined;
}

/** Search and filter the index, walk the tree, pick an object and turn it into rules. */
export function PickerPanel({ status, onOpenLineage }: PickerPanelProps) {
  const [query, setQuery] = useState('');
  const [columns, setColumns] = useState(false);
  const [filterDraft, setFilterDraft] = useState<FilterDraft>(NO_FILTER);
  const deferredQuery = useDeferredValue(query.trim());
  const deferredFilter = useDeferredValue(filterDraft);
  const filter = useMemo(() => filterOf(deferredFilter), [deferredFilter]);
  const tree = useTree(filter);
  const picked = usePickedObject();
  const draft = useRulesDraft(status.rules);
  const pickHit = (hit: SearchHit) => {
    pickObject({ kind: hit.kind, path: hit.path });
    tree.reveal(hit.path);
  };
  return (
    <div className="rm-picker">
      <div className="rm-picker__browse">
        <label className="rm-search__field">
          <Search size={16} aria-hidden="true" />
          <span className="visually-hidden">Search names, comments and tags</span>
          <input
            className="input"
            type="search"
            value={query}
            placeholder="Search names, comments and tags"
            spellCheck={false}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-testid="rm-search"
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={columns} onChange={(e) => setColumns(e.currentTarget.checked)} data-testid="rm-search-columns" />
          Search columns too (names, comments and tags of every column; slower on big metastores)
        </label>
        <FilterBar value={filterDraft} onChange={setFilterDraft} />
        {deferredQuery !== '' ? (
          <SearchResults query={deferredQuery} columns={columns} filter={filter} onPick={pickHit} />
        ) : (
          <CatalogTree
            tree={tree}
            pickedKey={picked ? keyOf(picked.path) : undefined}
            onPick={(row) => {
              const p = pickedOf(row);
              if (p) pickObject(p);
            }}
          />
        )}
      </div>
      <div className="rm-picker__side">
        {picked ? <PickedPanel picked={picked} draft={draft} onOpenLineage={onOpenLineage} /> : <p className="rm-muted">Pick a catalog, schema, table or column to see it and make rules from it.</p>}
        <RulesPanel status={status} draft={draft} />
      </div>
    </div>
  );
}
