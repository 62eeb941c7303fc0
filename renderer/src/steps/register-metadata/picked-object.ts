import { createStore, useStore } from '../../lib/store';

/** The object picked in the picker (tree row or search hit): what the details panel, tags and lineage look at. */
export interface PickedObject {
  readonly kind: 'CATALOG' | 'SCHEMA' | 'TABLE' | 'COLUMN';
  /** Name parts; a column's is `[catalog, schema, table, column]`. */
  readonly path: readonly string[];
}

const picked = createStore<PickedObject | undefined>(undefined);

export const pickObject = (next: PickedObject | undefined): void => picked.set(next);
export const usePickedObject = (): PickedObject | undefined => useStore(picked);

/** The table of the picked object (a column's table), as a full name `catalog.schema.table`: the lineage graph's centre. */
export function usePickedTable(): string | undefined {
  const p = useStore(picked);
  return p && p.path.length >= 3 ? p.path.slice(0, 3).join('.') : undefined;
}

export const pickTable = (fullName: string): void => {
  const parts = fullName.split('.');
  if (parts.length === 3) pickObject({ kind: 'TABLE', path: parts });
};
