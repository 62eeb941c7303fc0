import type { CatalogEntity, FunctionEntity, SchemaEntity, TableEntity, VolumeEntity } from './model';

/**
 * What changed in the model, so the DuckDB mirror behind information_schema and the on-disk snapshot can follow
 * incrementally instead of rebuilding.
 */
export type CatalogChange =
  | { readonly type: 'catalog'; readonly entity: CatalogEntity }
  | { readonly type: 'schema'; readonly entity: SchemaEntity }
  | { readonly type: 'table'; readonly entity: TableEntity }
  | { readonly type: 'volume'; readonly entity: VolumeEntity }
  | { readonly type: 'function'; readonly entity: FunctionEntity }
  | { readonly type: 'deleted'; readonly kind: 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME' | 'FUNCTION'; readonly id: string }
  | { readonly type: 'grants'; readonly securableKey: string }
  | { readonly type: 'tags'; readonly targetKey: string }
  | { readonly type: 'settings' };

export type ChangeListener = (change: CatalogChange) => void;

export class ChangeBus {
  private readonly listeners: ChangeListener[] = [];
  private muted = 0;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(change: CatalogChange): void {
    if (this.muted > 0) return;
    for (const listener of this.listeners) listener(change);
  }

  /** Bulk loads (seeds, snapshots) change thousands of entities; listeners rebuild once afterwards instead. */
  withoutEvents<T>(fn: () => T): T {
    this.muted++;
    try {
      return fn();
    } finally {
      this.muted--;
    }
  }
}
