import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../../../shared/metadata/index-views';
import { flattenTree, keyOf, ROOT_KEY } from './tree-model';
import { treeMove } from './tree-keys';

const node = (path: string[], children: number): TreeNode => ({
  kind: path.length === 1 ? 'CATALOG' : path.length === 2 ? 'SCHEMA' : 'TABLE',
  name: path.at(-1)!,
  path,
  owner: null,
  comment: null,
  tableType: null,
  children,
  tables: 1,
  tags: [],
  selection: null,
});

const pages: Record<string, { total: number; nodes: TreeNode[] }> = {
  [ROOT_KEY]: { total: 2, nodes: [node(['a'], 1), node(['b'], 0)] },
  [keyOf(['a'])]: { total: 1, nodes: [node(['a', 's'], 0)] },
};
const rows = (open: string[]) => flattenTree({ page: (p, i) => (i === 0 ? pages[p] : undefined), columns: () => undefined }, new Set(open));

describe('treeMove (WAI-ARIA tree keys)', () => {
  const closed = rows([]);
  const opened = rows([keyOf(['a'])]);

  it('moves up and down within the rows, and to either end', () => {
    expect(treeMove(closed, 0, 'ArrowDown')).toEqual({ kind: 'focus', index: 1 });
    expect(treeMove(closed, 1, 'ArrowDown')).toEqual({ kind: 'focus', index: 1 });
    expect(treeMove(closed, 0, 'ArrowUp')).toEqual({ kind: 'focus', index: 0 });
    expect(treeMove(opened, 0, 'End')).toEqual({ kind: 'focus', index: 2 });
    expect(treeMove(opened, 2, 'Home')).toEqual({ kind: 'focus', index: 0 });
    expect(treeMove(opened, 0, 'PageDown', 10)).toEqual({ kind: 'focus', index: 2 });
  });

  it('Right opens a closed node, then moves into it; it does nothing on a leaf', () => {
    expect(treeMove(closed, 0, 'ArrowRight')).toEqual({ kind: 'expand', key: keyOf(['a']) });
    expect(treeMove(opened, 0, 'ArrowRight')).toEqual({ kind: 'focus', index: 1 });
    expect(treeMove(closed, 1, 'ArrowRight')).toEqual({ kind: 'none' });
  });

  it('Left closes an open node, else goes to the parent', () => {
    expect(treeMove(opened, 0, 'ArrowLeft')).toEqual({ kind: 'collapse', key: keyOf(['a']), index: 0 });
    expect(treeMove(opened, 1, 'ArrowLeft')).toEqual({ kind: 'focus', index: 0 });
    expect(treeMove(opened, 2, 'ArrowLeft')).toEqual({ kind: 'none' });
  });

  it('Enter and Space pick a row, never a loading row; other keys do nothing', () => {
    expect(treeMove(opened, 1, 'Enter')).toEqual({ kind: 'pick', index: 1 });
    expect(treeMove(opened, 1, ' ')).toEqual({ kind: 'pick', index: 1 });
    expect(treeMove(flattenTree({ page: () => undefined, columns: () => undefined }, new Set()), 0, 'Enter')).toEqual({ kind: 'none' });
    expect(treeMove(opened, 0, 'x')).toEqual({ kind: 'none' });
    expect(treeMove([], 0, 'ArrowDown')).toEqual({ kind: 'none' });
  });
});
