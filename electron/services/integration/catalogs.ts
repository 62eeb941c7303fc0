import { z } from 'zod';
import type { CatalogSummary } from '../../../shared/contract/integration';
import { listAll } from '../connection/paged-list';
import type { RestClient } from '../connection/types';

const CatalogItem = z.object({
  name: z.string(),
  comment: z.string().nullish(),
  catalog_type: z.string().optional(),
});

/** Catalogs a user cannot create, govern or reuse for the integration: the system catalog and internal ones. */
const NOT_OFFERED = new Set(['SYSTEM_CATALOG', 'INTERNAL_CATALOG']);

/**
 * The catalogs the signed-in user can see, for the catalog fields' suggestions. GET /api/2.1/unity-catalog/catalogs
 * answers "all catalogs" for a metastore admin and otherwise "only catalogs owned by the caller (or for which the
 * caller has the USE_CATALOG privilege)" (https://docs.databricks.com/api/workspace/catalogs/list), paged through
 * the one paged-list reader. Suggestions only: any other name can still be typed.
 */
export async function listCatalogs(rest: RestClient, signal?: AbortSignal): Promise<CatalogSummary[]> {
  const all = await listAll(rest, { path: '/api/2.1/unity-catalog/catalogs', itemsKey: 'catalogs', item: CatalogItem, what: 'Listing catalogs', ...(signal ? { signal } : {}) });
  return all
    .filter((c) => c.name !== 'system' && !NOT_OFFERED.has(c.catalog_type ?? ''))
    .map((c) => ({ name: c.name, ...(c.comment ? { comment: c.comment } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
