import { createUnityCatalog } from '../../../emulator/catalog';
import type { CatalogSideFactory } from '../../../emulator/contracts';
import { createWarehouseEndpoint } from '../../../emulator/warehouse';

/**
 * The sandbox's Unity Catalog side with its SQL warehouse (Thrift over HTTPS for the real driver), mounted the
 * way `startEmulator` mounts any catalog side. No UC REST routes: these tests and the benchmark need SQL only.
 */
export const warehouseCatalogSide: CatalogSideFactory = async (deps) => {
  const uc = await createUnityCatalog({ sandbox: deps.info, identities: deps.identities });
  return { audit: uc, routes: [], thrift: createWarehouseEndpoint({ uc, warehouses: deps.warehouses }), close: () => uc.close() };
};
