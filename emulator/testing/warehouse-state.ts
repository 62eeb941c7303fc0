import type { WarehouseRegistry } from '../rest/warehouses/registry';

/** Resolves when the sandbox's warehouse reaches `state` (at once if it is there): what a test waits on, not a sleep. */
export function warehouseReaches(registry: WarehouseRegistry, id: string, state: string): Promise<void> {
  return new Promise((resolve) => {
    if (registry.state(id) === state) return resolve();
    const off = registry.onChange(() => {
      if (registry.state(id) !== state) return;
      off();
      resolve();
    });
  });
}
