import type { RestRoute } from '../../contracts';
import type { Identities } from '../../identity';
import { doesNotExist, invalidParameter, requireAdmin } from '../access';
import { endpointInfo } from './endpoint-info';
import type { WarehouseRegistry } from './registry';

const BASE = '/api/2.0/sql/warehouses';

/** Opaque page tokens: the next offset, base64url-encoded. */
const encodeToken = (offset: number): string => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeToken(token: string): number | undefined {
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }).offset;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SQL warehouses: list (with `page_size`/`page_token`), get, start, stop (unity-catalog-scim-rest.md §4.11). Every
 * user may use and start a warehouse whatever its ACL (permission-routes.ts stores and serves the ACL, unenforced);
 * stopping is for admins (CAN MANAGE).
 */
export function warehouseRoutes(identities: Identities, registry: WarehouseRegistry, port: () => number): RestRoute[] {
  const audit = (actionName: string) => ({ serviceName: 'databrickssql', actionName });
  return [
    {
      method: 'GET',
      pattern: BASE,
      audit: audit('listEndpoints'),
      handle: async (req) => {
        const size = req.query.get('page_size');
        const token = req.query.get('page_token');
        if (size !== null && !/^\d+$/u.test(size)) return invalidParameter('page_size must be a non-negative integer.');
        const offset = token ? decodeToken(token) : 0;
        if (offset === undefined) return invalidParameter('page_token is not valid.');
        const all = registry.list();
        const limit = size === null || Number(size) === 0 ? all.length : Number(size);
        const page = all.slice(offset, offset + limit).map((w) => endpointInfo(w, port()));
        const next = offset + limit < all.length ? { next_page_token: encodeToken(offset + limit) } : {};
        return { status: 200, body: { warehouses: page, ...next } };
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
