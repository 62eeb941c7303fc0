import { describe, expect, it } from 'vitest';
import type { ColumnDetail, TreeNode } from '../../../../../shared/metadata/index-views';
import { flattenTree, keyOf, PAGE_SIZE, ROOT_KEY, wantedPages, type ChildPage, type TreeSource } from './tree-model';

const node = (path: string[], children: number): TreeNode => ({
  kind: path.length === 1 ? 'CATALOG' : path.length === 2 ? 'SCHEMA' : 'TABLE',
  name: path.at(-1)!,
  path,
  owner: null,
  comment: null,
  tableType: path.length === 3 ? 'MANAGED' : null,
  children,
  tables: path.length === 3 ? 1 : children,
  tags: [],
  selection: null,
});
const column = (name: string, ordinal: number): ColumnDetail => ({ name, ordinal, type: 'string', nullable: true, comment: null, tags: [], mask: null });

function source(pages: Record<string, ChildPage[]>, columns: Record<string, ColumnDetail[]> = {}): TreeSource {
  return { page: (parent, i) => pages[parent]?.[i], columns: (t) => columns[t] };
}

describe('flattenTree', () => {
  it('shows one loading row before the catalogs arrive', () => {
    const rows = flattenTree(source({}), new Set());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'more', parentKey: ROOT_KEY, loaded: 0, depth: 1 });
  });

  it('puts an open node’s children right under it, one level deeper, with their position among siblings', () => {
    const pages = {
      [ROOT_KEY]: [{ total: 2, nodes: [node(['a'], 1), node(['b'], 0)] }],
      [keyOf(['a'])]: [{ total: 1, nodes: [node(['a', 's'], 2)] }],
      [keyOf(['a', 's'])]: [{ total: 2, nodes: [node(['a', 's', 't1'], 2), node(['a', 's', 't2'], 0)] }],
    };
    const rows = flattenTree(source(pages, { [keyOf(['a', 's', 't1'])]: [column('id', 1), column('x.y', 2)] }), new Set([keyOf(['a']), keyOf(['a', 's']), keyOf(['a', 's', 't1'])]));
    expect(rows.map((r) => [r.type, r.key, r.depth, r.posinset, r.setsize])).toEqual([
      ['node', keyOf(['a']), 1, 1, 2],
      ['node', keyOf(['a', 's']), 2, 1, 1],
      ['node', keyOf(['a', 's', 't1']), 3, 1, 2],
      ['column', keyOf(['a', 's', 't1', 'id']), 4, 1, 2],
      ['column', keyOf(['a', 's', 't1', 'x.y']), 4, 2, 2],
      ['node', keyOf(['a', 's', 't2']), 3, 2, 2],
      ['node', keyOf(['b']), 1, 2, 2],
    ]);
    expect(rows[0]).toMatchObject({ expandable: true, expanded: true });
    expect(rows.at(-1)).toMatchObject({ expandable: false, expanded: false });
  });

  it('keeps a closed node’s loaded children out, and shows a loading row for an open table whose columns are not in', () => {
    const pages = { [ROOT_KEY]: [{ total: 1, nodes: [node(['a'], 1)] }], [keyOf(['a'])]: [{ total: 1, nodes: [node(['a', 's'], 1)] }], [keyOf(['a', 's'])]: [{ total: 1, nodes: [node(['a', 's', 't'], 3)] }] };
    expect(flattenTree(source(pages), new Set([keyOf(['a', 's'])])).map((r) => r.key)).toEqual([keyOf(['a'])]);
    const open = flattenTree(source(pages), new Set([keyOf(['a']), keyOf(['a', 's']), keyOf(['a', 's', 't'])]));
    expect(open.at(-1)).toMatchObject({ type: 'more', parentKey: keyOf(['a', 's', 't']), depth: 4 });
  });

  it('pages a big schema: loaded pages in order, then one row asking for the next page', () => {
    const tables = Array.from({ length: PAGE_SIZE + 10 }, (_, i) => node(['a', 's', `t${String(i).padStart(4, '0')}`], 1));
    const total = PAGE_SIZE * 3;
    const pages = {
      [ROOT_KEY]: [{ total: 1, nodes: [node(['a'], 1)] }],
      [keyOf(['a'])]: [{ total: 1, nodes: [node(['a', 's'], total)] }],
      [keyOf(['a', 's'])]: [{ total, nodes: tables.slice(0, PAGE_SIZE) }, { total, nodes: tables.slice(PAGE_SIZE) }],
    };
    const rows = flattenTree(source(pages), new Set([keyOf(['a']), keyOf(['a', 's'])]));
    expect(rows).toHaveLength(2 + PAGE_SIZE + 10 + 1);
    expect(rows[2 + PAGE_SIZE]).toMatchObject({ posinset: PAGE_SIZE + 1, setsize: total });
    expect(rows.at(-1)).toMatchObject({ type: 'more', loaded: PAGE_SIZE + 10, nextPage: 2, setsize: total });
  });

  it('has no loading row once every child is in', () => {
    const rows = flattenTree(source({ [ROOT_KEY]: [{ total: 1, nodes: [node(['a'], 0)] }] }), new Set());
    expect(rows.map((r) => r.type)).toEqual(['node']);
  });
});

describe('wantedPages', () => {
  it('asks for the root and every open node, and more pages only of open ones', () => {
    const a = keyOf(['a']);
    const b = keyOf(['b']);
    const wanted = wantedPages(new Set([a]), new Map([[a, 3], [b, 2]]));
    expect(wanted).toEqual([
      { parentKey: ROOT_KEY, pages: 1 },
      { parentKey: a, pages: 3 },
    ]);
  });
});
