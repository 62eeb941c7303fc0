import { randomUUID } from 'node:crypto';
import type { EntityStore } from '../entity-store';
import type { Stamp } from '../model';
import { SYSTEM_TABLES } from './system-table-defs';

/** Owner Databricks shows for system-owned securables. */
export const SYSTEM_OWNER = 'System user';

/**
 * The `system` catalog every metastore has: `information_schema` (always on) and the `access` and `query`
 * schemas whose tables become readable once enabled through the SystemSchemas API (reference §3.4).
 */
export function bootstrapSystemCatalog(store: EntityStore, now: number): void {
  if (store.catalogNamed('system')) return;
  const stamp: Stamp = { createdAt: now, createdBy: SYSTEM_OWNER, updatedAt: now, updatedBy: SYSTEM_OWNER };
  const catalog = {
    ...stamp, id: randomUUID(), name: 'system', owner: SYSTEM_OWNER, comment: 'System catalog (auto-created)',
    properties: {}, catalogType: 'SYSTEM_CATALOG' as const, isolationMode: 'OPEN' as const, bindings: [],
  };
  store.putCatalog(catalog);
  const schemaIds = new Map<string, string>();
  for (const name of ['information_schema', 'access', 'query']) {
    const id = randomUUID();
    schemaIds.set(name, id);
    store.putSchema({ ...stamp, id, catalogId: catalog.id, name, owner: SYSTEM_OWNER, comment: null, properties: {} });
  }
  for (const def of SYSTEM_TABLES) {
    store.putTable({
      ...stamp, id: randomUUID(), schemaId: schemaIds.get(def.schema)!, name: def.name, tableType: 'MANAGED',
      columns: def.columns, owner: SYSTEM_OWNER, comment: def.comment, properties: {}, viewText: null, rowFilter: null,
      masks: [], storage: def.storage,
    });
  }
}
