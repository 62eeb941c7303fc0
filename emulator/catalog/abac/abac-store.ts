import type { ChangeBus } from '../changes';
import type { AbacOn, AbacPolicy } from './abac-model';

/**
 * ABAC policies by the securable they are defined on. A dropped catalog, schema or table takes its policies with
 * it. Changes are announced as `settings` changes: only the on-disk snapshot follows them (information_schema's
 * column_masks and row_filters list table-level masks and filters, which live on the table).
 */
export class AbacStore {
  private readonly bySecurable = new Map<string, Map<string, AbacPolicy>>();

  constructor(private readonly bus: ChangeBus) {
    bus.subscribe((change) => {
      if (change.type === 'deleted' && (change.kind === 'CATALOG' || change.kind === 'SCHEMA' || change.kind === 'TABLE')) this.bySecurable.delete(key(change.kind, change.id));
    });
  }

  on(on: AbacOn, id: string): readonly AbacPolicy[] {
    return [...(this.bySecurable.get(key(on, id))?.values() ?? [])];
  }

  find(on: AbacOn, id: string, name: string): AbacPolicy | undefined {
    return this.bySecurable.get(key(on, id))?.get(name.toLowerCase());
  }

  put(policy: AbacPolicy): void {
    const k = key(policy.on, policy.onId);
    const m = this.bySecurable.get(k) ?? new Map<string, AbacPolicy>();
    m.set(policy.name.toLowerCase(), policy);
    this.bySecurable.set(k, m);
    this.bus.emit({ type: 'settings' });
  }

  delete(on: AbacOn, id: string, name: string): boolean {
    const removed = this.bySecurable.get(key(on, id))?.delete(name.toLowerCase()) ?? false;
    if (removed) this.bus.emit({ type: 'settings' });
    return removed;
  }

  all(): AbacPolicy[] {
    return [...this.bySecurable.values()].flatMap((m) => [...m.values()]);
  }

  count(): number {
    let n = 0;
    for (const m of this.bySecurable.values()) n += m.size;
    return n;
  }
}

const key = (on: AbacOn, id: string): string => `${on}:${id}`;
