import { useCallback, useMemo, useState } from 'react';
import type { ColumnDetail, TableFilter } from '../../../../../shared/metadata/index-views';
import { useChildPages, useColumnsOf } from '../../../api/hooks/metadata';
import { flattenTree, keyOf, PAGE_SIZE, wantedPages, type ChildPage, type TreeRow } from './tree-model';

const pathOf = (key: string): string[] => JSON.parse(key) as string[];

export interface TreeState {
  readonly rows: readonly TreeRow[];
  readonly expanded: ReadonlySet<string>;
  readonly toggle: (key: string, open?: boolean) => void;
  /** Open every ancestor of a path (a search hit picked), so it shows in the tree once its page is loaded. */
  readonly reveal: (path: readonly string[]) => void;
  /** A `more` row came on screen: ask for its parent's next page. */
  readonly loadMore: (parentKey: string, nextPage: number) => void;
  readonly loading: boolean;
}

/** The tree's open nodes and loaded pages (one query per page, cached), flattened for the virtual list. */
export function useTree(filter: TableFilter | undefined): TreeState {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [extra, setExtra] = useState<ReadonlyMap<string, number>>(new Map());
  const wanted = useMemo(() => wantedPages(expanded, extra).filter((w) => pathOf(w.parentKey).length < 3), [expanded, extra]);
  const inputs = useMemo(
    () => wanted.flatMap((w) => Array.from({ length: w.pages }, (_, i) => ({ parent: pathOf(w.parentKey), offset: i * PAGE_SIZE, limit: PAGE_SIZE, ...(filter ? { filter } : {}) }))),
    [wanted, filter],
  );
  const tables = useMemo(() => [...expanded].map(pathOf).filter((p): p is [string, string, string] => p.length === 3), [expanded]);
  const pages = useChildPages(inputs);
  const columns = useColumnsOf(tables);
  const rows = useMemo(() => {
    const byPage = new Map<string, ChildPage>();
    inputs.forEach((input, i) => {
      const page = pages[i];
      if (page) byPage.set(`${keyOf(input.parent)}@${input.offset / PAGE_SIZE}`, page);
    });
    const byTable = new Map<string, readonly ColumnDetail[]>();
    tables.forEach((t, i) => {
      const c = columns[i];
      if (c) byTable.set(keyOf(t), c);
    });
    return flattenTree({ page: (parentKey, index) => byPage.get(`${parentKey}@${index}`), columns: (key) => byTable.get(key) }, expanded);
  }, [inputs, pages, tables, columns, expanded]);
  const toggle = useCallback((key: string, open?: boolean) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !current.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const reveal = useCallback((path: readonly string[]) => {
    setExpanded((current) => {
      const next = new Set(current);
      for (let i = 1; i < Math.min(path.length, 3); i++) next.add(keyOf(path.slice(0, i)));
      return next;
    });
  }, []);
  const loadMore = useCallback((parentKey: string, nextPage: number) => {
    setExtra((current) => ((current.get(parentKey) ?? 1) > nextPage ? current : new Map(current).set(parentKey, nextPage + 1)));
  }, []);
  return { rows, expanded, toggle, reveal, loadMore, loading: pages.some((p) => p === undefined) };
}
