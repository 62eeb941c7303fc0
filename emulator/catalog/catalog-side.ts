import { join } from 'node:path';
import type { CatalogSideFactory } from '../contracts';
import { seedCatalog, type CatalogSeedOptions } from '../seeds/catalog-seed';
import { createUnityCatalogRoutes } from '../uc-rest';
import { createWarehouseEndpoint, type ResultFormat } from '../warehouse';
import { UnityCatalog } from './unity-catalog';

export interface CatalogSideOptions extends CatalogSeedOptions {
  /** Result format of the SQL warehouse when clients accept Arrow (default `arrow`, as warehouses do). */
  readonly resultFormat?: ResultFormat;
  /** False: the warehouse runs no ABAC policies, as older compute (UnityCatalogOptions.abac). */
  readonly abac?: boolean;
  /** False: no `information_schema.abac_policy_definitions` view (UnityCatalogOptions.abacPolicyView). */
  readonly abacPolicyView?: boolean;
}

/**
 * The Unity Catalog side as `startEmulator` mounts it (contracts.ts CatalogSideFactory): the metastore (under
 * `<dataDir>/unity-catalog/` when persisting), seeded unless reloaded, its REST routes, the Thrift endpoint and
 * the audit sink.
 */
export function createCatalogSide(options: CatalogSideOptions = {}): CatalogSideFactory {
  return async (deps) => {
    const uc = await UnityCatalog.create({
      sandbox: deps.info,
      identities: deps.identities,
      ...(deps.paging ? { paging: deps.paging } : {}),
      ...(options.abac === undefined ? {} : { abac: options.abac }),
      ...(options.abacPolicyView === undefined ? {} : { abacPolicyView: options.abacPolicyView }),
      ...(deps.metastoreRootStorage === false ? { metastoreRootStorage: false } : {}),
      ...(deps.dataDir === undefined ? {} : { dataDir: join(deps.dataDir, 'unity-catalog') }),
    });
    try {
      await seedCatalog(uc, deps.seed, options);
    } catch (error) {
      await uc.close();
      throw error;
    }
    const thrift = createWarehouseEndpoint({ uc, warehouses: deps.warehouses, ...(options.resultFormat ? { resultFormat: options.resultFormat } : {}) });
    return {
      audit: uc,
      routes: createUnityCatalogRoutes(uc),
      thrift,
      async close() {
        thrift.close();
        await uc.close();
      },
    };
  };
}
