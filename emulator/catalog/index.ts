/**
 * The sandbox's Unity Catalog side. The workspace side's `startEmulator` mounts it through
 * `createCatalogSide(options)`, a contracts.ts CatalogSideFactory:
 *
 *   startEmulator({ seed: 'large', catalogSide: createCatalogSide({ scaleTables: 100_000, scaleColumns: 20 }) })
 *
 * which is, piece by piece:
 *
 *   const uc = await createUnityCatalog({ sandbox, identities, dataDir });   // also the AuditSink: uc.recordAudit(r)
 *   await seedCatalog(uc, 'demo' | 'empty' | 'large', { scaleTables, scaleColumns, scaleSchemas });
 *   const routes: readonly RestRoute[] = createUnityCatalogRoutes(uc);      // mount after bearer authentication
 *   const sql = createWarehouseEndpoint({ uc, warehouses, resultFormat });  // ThriftEndpoint: POST /sql/1.0/warehouses/<id>
 *   …on stop: sql.close(); await uc.close();                               // flushes the data dir
 *
 * - `createUnityCatalog` opens the DuckDB database (`<dataDir>/warehouse.duckdb`, or in memory) and reloads the
 *   model from `<dataDir>/catalog.json` when present; every change is saved back shortly after it happens.
 * - `seedCatalog` fills a fresh metastore and leaves a reloaded one alone; grants go only to principals the
 *   IdentityDirectory knows (demo groups, users and service principals are looked up by display name).
 * - `resultFormat` (`arrow` by default, as warehouses answer) can be overridden per session with the session
 *   configuration key `ucbridge.sandbox.resultFormat` = `columns` | `arrow`.
 */
export { UnityCatalog, DEFAULT_CATALOG, type UnityCatalogOptions } from './unity-catalog';
export { UcError, ucErrors } from './errors';
export type { Subject } from './subject';
export { createCatalogSide, type CatalogSideOptions } from './catalog-side';
export { seedCatalog, type CatalogSeedOptions } from '../seeds/catalog-seed';
export { createUnityCatalogRoutes } from '../uc-rest';
export { createWarehouseEndpoint, RESULT_FORMAT_CONF, type ResultFormat, type WarehouseEndpoint } from '../warehouse';

import { UnityCatalog, type UnityCatalogOptions } from './unity-catalog';

export const createUnityCatalog = (options: UnityCatalogOptions): Promise<UnityCatalog> => UnityCatalog.create(options);
