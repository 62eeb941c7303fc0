import type { TreeRow } from './tree-model';

/** What a key press in the tree does (WAI-ARIA tree view pattern: https://www.w3.org/WAI/ARIA/apg/patterns/treeview/). */
export type TreeMove =
  | { readonly kind: 'focus'; readonly index: number }
  | { readonly kind: 'expand'; readonly key: string }
  | { readonly kind: 'collapse'; readonly key: string; readonly index: number }
  | { readonly kind: 'pick'; readonly index: number }
  | { readonly kind: 'none' };

const NONE: TreeMove = { kind: 'none' };

const clamp = (i: number, rows: readonly TreeRow[]): number => Math.max(0, Math.min(rows.length - 1, i));

function parentIndex(rows: readonly TreeRow[], index: number): number {
  const row = rows[index];
  if (!row) return -1;
  for (let i = index - 1; i >= 0; i--) if (rows[i]!.key === row.parentKey) return i;
  return -1;
}

/**
 * Down/Up move one row, Home/End to the ends, PageDown/PageUp by `page` rows; Right opens a closed node or moves
 * into an open one; Left closes an open node or moves to the parent; Enter and Space pick the row.
 */
export function treeMove(rows: readonly TreeRow[], active: number, key: string, page = 10): TreeMove {
  if (rows.length === 0) return NONE;
  const row = rows[active];
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: clamp(active + 1, rows) };
    case 'ArrowUp':
      return { kind: 'focus', index: clamp(active - 1, rows) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'PageDown':
      return { kind: 'focus', index: clamp(active + page, rows) };
    case 'PageUp':
      return { kind: 'focus', index: clamp(active - page, rows) };
    case 'ArrowRight':
      if (row?.type !== 'node' || !row.expandable) return NONE;
      return row.expanded ? { kind: 'focus', index: clamp(active + 1, rows) } : { kind: 'expand', key: row.key };
    case 'ArrowLeft': {
      if (row?.type === 'node' && row.expanded) return { kind: 'collapse', key: row.key, index: active };
      const parent = parentIndex(rows, active);
      return parent >= 0 ? { kind: 'focus', index: parent } : NONE;
    }
    case 'Enter':
    case ' ':
      return row && row.type !== 'more' ? { kind: 'pick', index: active } : NONE;
    default:
      return NONE;
  }
}
