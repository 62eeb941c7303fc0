import type { UnityCatalog } from '../catalog/unity-catalog';
import { quoteLiteral } from '../../shared/sql/quote';

/**
 * ` MANAGED LOCATION '…'` for a catalog a seed creates when the metastore has no root storage: on such a metastore
 * every existing catalog has a location of its own (the workspace catalog of an automatically enabled workspace
 * included), and a bare CREATE CATALOG is refused (ops/create.ts). Empty when the metastore has root storage.
 */
export const seedCatalogLocation = (uc: UnityCatalog, catalog: string): string =>
  uc.metastoreStorageRoot === undefined ? ` MANAGED LOCATION ${quoteLiteral(`s3://ucbridge-sandbox-external/${uc.sandbox.metastoreId}/${catalog}`)}` : '';
