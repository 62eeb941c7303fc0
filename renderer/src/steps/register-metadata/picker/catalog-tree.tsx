import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeRow } from './tree-model';
import { treeMove } from './tree-keys';
import { TreeRowView } from './tree-row';
import type { TreeState } from './use-tree';

const ROW_HEIGHT = 30;

export interface CatalogTreeProps {
  readonly tree: TreeState;
  readonly pickedKey: string | undefined;
  readonly onPick: (row: TreeRow) => void;
}

/**
 * The catalog → schema → table → column tree, virtualized: only the rows on screen are in the DOM, so 100,000
 * tables cost what 30 do. One Tab stop (the tree); arrow keys move the active row (aria-activedescendant).
 */
export function CatalogTree({ tree, pickedKey, onPick }: CatalogTreeProps) {
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const { rows } = tree;
  const current = Math.min(active, Math.max(0, rows.length - 1));
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing memoized reads it
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();

  // A `more` row on screen asks for the next page of its parent.
  const { loadMore } = tree;
  useEffect(() => {
    for (const item of items) {
      const row = rows[item.index];
      if (row?.type === 'more' && row.loaded > 0) loadMore(row.parentKey, row.nextPage);
    }
  }, [items, rows, loadMore]);

  const focusRow = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = treeMove(rows, current, e.key, Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1));
    if (move.kind === 'none') return;
    e.preventDefault();
    switch (move.kind) {
      case 'focus':
        focusRow(move.index);
        return;
      case 'expand':
        tree.toggle(move.key, true);
        return;
      case 'collapse':
        tree.toggle(move.key, false);
        return;
      case 'pick': {
        const row = rows[move.index];
        if (row) onPick(row);
        return;
      }
    }
  };
  const activeRow = rows[current];
  return (
    <div
      ref={scrollRef}
      className="rm-tree"
      role="tree"
      aria-label="Catalogs, schemas and tables"
      tabIndex={0}
      aria-activedescendant={activeRow ? `${baseId}-${current}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="rm-tree"
      data-rows={rows.length}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={row.key} role="presentation" className="rm-tree__slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <TreeRowView
                row={row}
                id={`${baseId}-${item.index}`}
                active={item.index === current}
                picked={row.key === pickedKey}
                onToggle={(key) => tree.toggle(key)}
                onPick={() => {
                  setActive(item.index);
                  onPick(row);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
