/**
 * The sandbox's Unity Catalog side. Wiring (the workspace side's `startEmulator` does this):
 *
 *   const uc = await createUnityCatalog({ sandbox, identities, dataDir });   // AuditSink too: uc.recordAudit(...)
 *   await seedCatalog(uc, 'demo' | 'empty' | 'large', { scaleTables, scaleColumns, schemas });
 *   const routes: RestRoute[] = createUnityCatalogRoutes(uc);               // from emulator/uc-rest
 *   const sql: ThriftEndpoint = createWarehouseEndpoint({ uc, warehouses }); // from emulator/warehouse
 *   …mount `routes` after bearer authentication and `sql` at POST /sql/1.0/warehouses/<id>…
 *   await sql.close(); await uc.close();                                     // on stop: flushes data-dir state
 *
 * - `createUnityCatalog` opens the DuckDB database (`<dataDir>/warehouse.duckdb`, or in memory) and, when
 *   `<dataDir>/catalog.json` exists, reloads the model saved there; changes are saved back as they happen.
 * - `seedCatalog` fills a fresh metastore (no-op when the data dir already held one): grants go only to
 *   principals the IdentityDirectory knows.
 * - REST calls the workspace side handles itself can still be audited through `uc.recordAudit(record)`.
 */
export { UnityCatalog, DEFAULT_CATALOG, type UnityCatalogOptions } from './unity-catalog';
export { UcError, ucErrors } from './errors';
export type { Subject } from './subject';

import { UnityCatalog, type UnityCatalogOptions } from './unity-catalog';

export const createUnityCatalog = (options: UnityCatalogOptions): Promise<UnityCatalog> => UnityCatalog.create(options);
