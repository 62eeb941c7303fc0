import type { PagingFault, RestRoute } from '../contracts';
import type { Identities } from '../identity';
import { spSecretRoutes } from './credentials/sp-secret-routes';
import { tokenManagementRoutes } from './credentials/token-management-routes';
import { tokenRoutes } from './credentials/token-routes';
import { scimRoutes } from './scim/routes';
import { warehousePermissionRoutes } from './warehouses/permission-routes';
import { warehouseRoutes } from './warehouses/routes';
import type { WarehouseRegistry } from './warehouses/registry';

/** The workspace side's REST APIs: SCIM, credentials, SQL warehouses and their permissions. */
export function workspaceRoutes(identities: Identities, warehouses: WarehouseRegistry, port: () => number, paging?: () => PagingFault): RestRoute[] {
  return [
    ...scimRoutes(identities),
    ...spSecretRoutes(identities),
    ...tokenManagementRoutes(identities),
    ...tokenRoutes(identities),
    ...warehouseRoutes(identities, warehouses, port, paging),
    ...warehousePermissionRoutes(identities, warehouses),
  ];
}
