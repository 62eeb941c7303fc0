import type { RestRoute } from '../contracts';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { catalogRoutes } from './catalog-routes';
import { fileRoutes } from './file-routes';
import { lineageRoutes } from './lineage-routes';
import { metastoreRoutes } from './metastore-routes';
import { permissionRoutes } from './permission-routes';
import { quotaRoutes } from './quota-routes';
import { tableRoutes } from './table-routes';
import { tagRoutes } from './tag-routes';
import { volumeFunctionRoutes } from './volume-function-routes';

/** Every Unity Catalog REST route the sandbox serves, for the workspace side to mount after authentication. */
export function createUnityCatalogRoutes(uc: UnityCatalog): readonly RestRoute[] {
  return [
    ...metastoreRoutes(uc),
    ...catalogRoutes(uc),
    ...tableRoutes(uc),
    ...volumeFunctionRoutes(uc),
    ...permissionRoutes(uc),
    ...quotaRoutes(uc),
    ...tagRoutes(uc),
    ...fileRoutes(uc),
    ...lineageRoutes(uc),
  ];
}
