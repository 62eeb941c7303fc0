import { NO_PAGING_FAULT, type PagingFault, type RestRoute } from '../../contracts';
import { UcError } from '../../catalog/errors';
import { pageBody, paginate } from '../../uc-rest/pagination';
import type { Identities } from '../../identity';
import { doesNotExist, invalidParameter, requireAdmin } from '../access';
import { endpointInfo } from './endpoint-info';
import type { WarehouseRegistry } from './registry';

const BASE = '/api/2.0/sql/warehouses';

/**
 * SQL warehouses: list (with `page_size`/`page_token`), get, start, stop (unity-catalog-scim-rest.md §4.11). Every
 * user may use and start a warehouse whatever its ACL (permission-routes.ts stores and serves the ACL, unenforced);
 * stopping is for admins (CAN MANAGE).
 */
export function warehouseRoutes(identities: Identities, registry: WarehouseRegistry, port: () => number, paging: () => PagingFault = () => NO_PAGING_FAULT): RestRoute[] {
  const audit = (actionName: string) => ({ serviceName: 'databrickssql', actionName });
  return [
    {
      method: 'GET',
      pattern: BASE,
      audit: audit('listEndpoints'),
      handle: async (req) => {
        // The same paging rules (and paging faults) as the Unity Catalog lists, with `page_size`: absent returns all.
        try {
          const page = paginate(registry.list(), req.query, { sizeParam: 'page_size', serverPageSize: 1000, unpaginatedByDefault: true, fault: paging() }, 'warehouses');
          return { status: 200, body: pageBody('warehouses', { ...page, items: page.items.map((w) => endpointInfo(w, port())) }) };
        } catch (e) {
          if (e instanceof UcError) return invalidParameter(e.message);
          throw e;
        }
      },
    },
    {
      method: 'GET',
      pattern: `${BASE}/:id`,
      audit: audit('getEndpoint'),
      handle: async (req) => {
        const w = registry.get(req.params.id ?? '');
        return w ? { status: 200, body: endpointInfo(w, port()) } : doesNotExist(`SQL warehouse ${req.params.id ?? ''} does not exist.`);
      },
    },
    {
      method: 'POST',
      pattern: `${BASE}/:id/start`,
      audit: audit('startEndpoint'),
      handle: async (req) =>
        registry.start(req.params.id ?? '') ? { status: 200, body: {} } : doesNotExist(`SQL warehouse ${req.params.id ?? ''} does not exist.`),
    },
    {
      method: 'POST',
      pattern: `${BASE}/:id/stop`,
      audit: audit('stopEndpoint'),
      handle: async (req) => {
        if (!registry.get(req.params.id ?? '')) return doesNotExist(`SQL warehouse ${req.params.id ?? ''} does not exist.`);
        const refused = requireAdmin(identities, req.caller, 'stop SQL warehouses');
        if (refused) return refused;
        registry.stop(req.params.id ?? '');
        return { status: 200, body: {} };
      },
    },
  ];
}
