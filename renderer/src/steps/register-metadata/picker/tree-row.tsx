import { ChevronDown, ChevronRight, Columns3, Database, Eye, FolderTree, LoaderCircle, Table2 } from 'lucide-react';
import type { TreeNode } from '../../../../../shared/metadata/index-views';
import { SelectionBadge } from './selection-badge';
import type { TreeRow } from './tree-model';

const n = (v: number): string => v.toLocaleString('en');
const count = (v: number, one: string, many: string): string => `${n(v)} ${v === 1 ? one : many}`;

function NodeIcon({ node }: { readonly node: TreeNode }) {
  switch (node.kind) {
    case 'CATALOG':
      return <Database size={15} aria-hidden="true" />;
    case 'SCHEMA':
      return <FolderTree size={15} aria-hidden="true" />;
    case 'TABLE':
      return node.tableType?.includes('VIEW') ? <Eye size={15} aria-hidden="true" /> : <Table2 size={15} aria-hidden="true" />;
  }
}

/** What a node holds, in words: "3 schemas · 120 tables", "20 columns". */
function countText(node: TreeNode): string {
  switch (node.kind) {
    case 'CATALOG':
      return `${count(node.children, 'schema', 'schemas')} · ${count(node.tables, 'table', 'tables')}`;
    case 'SCHEMA':
      return count(node.tables, 'table', 'tables');
    case 'TABLE':
      return count(node.children, 'column', 'columns');
  }
}

export interface TreeRowViewProps {
  readonly row: TreeRow;
  readonly id: string;
  readonly active: boolean;
  readonly picked: boolean;
  readonly onToggle: (key: string) => void;
  readonly onPick: () => void;
}

/** One row of the tree (a treeitem; focus stays on the tree, which points at the active row). */
export function TreeRowView({ row, id, active, picked, onToggle, onPick }: TreeRowViewProps) {
  const common = {
    id,
    role: 'treeitem',
    'aria-level': row.depth,
    'aria-posinset': row.posinset,
    'aria-setsize': Math.max(row.setsize, row.posinset),
    className: `rm-tree__row${active ? ' is-active' : ''}${picked ? ' is-picked' : ''}`,
    style: { paddingInlineStart: `${(row.depth - 1) * 18 + 4}px` },
  } as const;
  switch (row.type) {
    case 'more':
      return (
        <div {...common} aria-selected={false} data-testid="rm-tree-more">
          <LoaderCircle size={15} aria-hidden="true" className="rm-spin" />
          <span className="rm-muted">{row.setsize > 0 ? `Loading ${n(row.loaded + 1)}–${n(Math.min(row.setsize, row.loaded + 500))} of ${n(row.setsize)}…` : 'Loading…'}</span>
        </div>
      );
    case 'column':
      return (
        <div {...common} aria-selected={picked} onClick={onPick} data-testid="rm-tree-column" data-name={row.column.name}>
          <span className="rm-tree__toggle" aria-hidden="true" />
          <Columns3 size={15} aria-hidden="true" />
          <span className="rm-tree__name">{row.column.name}</span>
          <span className="rm-tree__meta">{row.column.type}</span>
          {row.column.mask ? <span className="rm-tree__meta">masked</span> : null}
          {row.column.tags.length > 0 ? <span className="rm-tree__meta">{row.column.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join(', ')}</span> : null}
        </div>
      );
    case 'node':
      return (
        <div
          {...common}
          aria-selected={picked}
          aria-expanded={row.expandable ? row.expanded : undefined}
          onClick={onPick}
          data-testid="rm-tree-node"
          data-kind={row.node.kind}
          data-path={row.node.path.join('.')}
          data-selection={row.node.selection ?? 'none'}
        >
          <span
            className="rm-tree__toggle"
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              if (row.expandable) onToggle(row.key);
            }}
          >
            {row.expandable ? row.expanded ? <ChevronDown size={15} /> : <ChevronRight size={15} /> : null}
          </span>
          <NodeIcon node={row.node} />
          <span className="rm-tree__name">{row.node.name}</span>
          <span className="rm-tree__meta">{countText(row.node)}</span>
          {row.node.tags.length > 0 ? <span className="rm-tree__meta">{count(row.node.tags.length, 'tag', 'tags')}</span> : null}
          <SelectionBadge state={row.node.selection} />
        </div>
      );
  }
}
