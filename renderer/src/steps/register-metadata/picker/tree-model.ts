import type { ColumnDetail, TreeNode } from '../../../../../shared/metadata/index-views';

/**
 * The picker's tree as the flat list of rows the virtualizer draws. The tree is read lazily, a page of children at
 * a time (`metadata.children`), so flattening walks only what is loaded: expanded nodes' loaded pages, then one
 * `more` row where a parent has children not loaded yet (drawing it asks for the next page).
 */
export const PAGE_SIZE = 500;

/** A node's identity: its name parts (names may contain dots, so they are not joined with one). */
export const keyOf = (path: readonly string[]): string => JSON.stringify(path);
export const ROOT_KEY = keyOf([]);

/** The first page of catalogs, unfiltered: what the tree asks first (and the step prefetches). */
export const ROOT_PAGE = { parent: [] as string[], offset: 0, limit: PAGE_SIZE } as const;

export interface ChildPage {
  readonly total: number;
  readonly nodes: readonly TreeNode[];
}

/** What the tree has loaded so far. */
export interface TreeSource {
  /** Page `index` of a parent's children, when loaded. */
  readonly page: (parentKey: string, index: number) => ChildPage | undefined;
  /** A table's columns, when loaded. */
  readonly columns: (tableKey: string) => readonly ColumnDetail[] | undefined;
}

interface RowBase {
  readonly key: string;
  /** 1 for catalogs. */
  readonly depth: number;
  readonly parentKey: string;
  /** Position among its siblings (1-based) and how many siblings there are, for aria-posinset/setsize. */
  readonly posinset: number;
  readonly setsize: number;
}

export type TreeRow =
  | (RowBase & { readonly type: 'node'; readonly node: TreeNode; readonly expandable: boolean; readonly expanded: boolean })
  | (RowBase & { readonly type: 'column'; readonly column: ColumnDetail; readonly table: readonly string[] })
  | (RowBase & { readonly type: 'more'; readonly loaded: number; readonly nextPage: number });

/** Catalogs and schemas open on their children; tables open on their columns. */
export const isExpandable = (node: TreeNode): boolean => node.children > 0;

function pushChildren(rows: TreeRow[], source: TreeSource, expanded: ReadonlySet<string>, parentKey: string, depth: number): void {
  let loaded = 0;
  let total: number | undefined;
  for (let index = 0; ; index++) {
    const page = source.page(parentKey, index);
    if (!page) break;
    total = page.total;
    for (const node of page.nodes) {
      loaded++;
      const key = keyOf(node.path);
      const expandable = isExpandable(node);
      const open = expandable && expanded.has(key);
      rows.push({ type: 'node', key, depth, parentKey, posinset: loaded, setsize: page.total, node, expandable, expanded: open });
      if (!open) continue;
      if (node.kind === 'TABLE') pushColumns(rows, source, key, node.path, depth + 1);
      else pushChildren(rows, source, expanded, key, depth + 1);
    }
    if (page.nodes.length < PAGE_SIZE) break;
  }
  if (total === undefined || loaded < total) {
    const setsize = total ?? 0;
    rows.push({ type: 'more', key: `${parentKey}#more`, depth, parentKey, posinset: loaded + 1, setsize, loaded, nextPage: Math.ceil(loaded / PAGE_SIZE) });
  }
}

function pushColumns(rows: TreeRow[], source: TreeSource, tableKey: string, table: readonly string[], depth: number): void {
  const columns = source.columns(tableKey);
  if (!columns) {
    rows.push({ type: 'more', key: `${tableKey}#more`, depth, parentKey: tableKey, posinset: 1, setsize: 0, loaded: 0, nextPage: 0 });
    return;
  }
  columns.forEach((column, i) => {
    rows.push({ type: 'column', key: keyOf([...table, column.name]), depth, parentKey: tableKey, posinset: i + 1, setsize: columns.length, column, table });
  });
}

/** The rows to draw, outermost first, children right under their parent. */
export function flattenTree(source: TreeSource, expanded: ReadonlySet<string>): readonly TreeRow[] {
  const rows: TreeRow[] = [];
  pushChildren(rows, source, expanded, ROOT_KEY, 1);
  return rows;
}

/** The pages to ask for: page 0 of the root and of every expanded node, and each page a `more` row on screen wants. */
export function wantedPages(expanded: ReadonlySet<string>, extra: ReadonlyMap<string, number>): readonly { readonly parentKey: string; readonly pages: number }[] {
  const wanted = new Map<string, number>([[ROOT_KEY, 1]]);
  for (const key of expanded) wanted.set(key, 1);
  for (const [key, pages] of extra) if (key === ROOT_KEY || expanded.has(key)) wanted.set(key, Math.max(pages, wanted.get(key) ?? 1));
  return [...wanted].map(([parentKey, pages]) => ({ parentKey, pages }));
}
