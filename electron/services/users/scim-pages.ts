import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import type { RestClient } from '../connection/types';

/**
 * SCIM lists page by index, not by token: 1-based `startIndex` and `count` (RFC 7644 §3.4.2.4; Databricks
 * unity-catalog-scim-rest.md §5.3). Account SCIM takes at most 100 per page
 * (https://docs.databricks.com/api/account/users/list; governance-steps-3-4.md §3.1), so every level is read 100
 * at a time. The next page starts after what this one held; an empty page or reaching `totalResults` ends it,
 * and resources repeated across pages (a directory changing while read) are kept once, as the SDKs do.
 * 429 and 503 are retried by the REST client with the shared retry policy, honouring Retry-After.
 */
export const SCIM_PAGE = 100;

const ListResponse = z.object({
  totalResults: z.number().int().nonnegative().optional(),
  itemsPerPage: z.number().int().nonnegative().optional(),
  Resources: z.array(z.record(z.string(), z.unknown())).optional(),
});

export interface ScimListRequest<S extends z.ZodType<{ id: string }>> {
  readonly path: string;
  /** The `attributes` projection: only what matching needs (a group's members can be thousands). */
  readonly attributes: readonly string[];
  readonly item: S;
  readonly what: string;
  readonly signal?: AbortSignal;
  readonly onPage?: (read: number, total: number | undefined) => void;
  /** A guard against a server that never ends a list. */
  readonly maxPages?: number;
}

export async function scimListAll<S extends z.ZodType<{ id: string }>>(rest: RestClient, req: ScimListRequest<S>): Promise<z.output<S>[]> {
  const byId = new Map<string, z.output<S>>();
  let start = 1;
  for (let page = 0; page < (req.maxPages ?? 100_000); page++) {
    const res = await rest.request({
      method: 'GET',
      path: req.path,
      query: { startIndex: start, count: SCIM_PAGE, attributes: req.attributes.join(',') },
      schema: ListResponse,
      what: req.what,
      ...(req.signal ? { signal: req.signal } : {}),
    });
    const items = res.Resources ?? [];
    for (const raw of items) {
      const parsed = req.item.safeParse(raw);
      if (!parsed.success) throw new AppFailure({ code: 'INTERNAL', message: `${req.what}: Databricks answered with an entry ucbridge does not understand.` });
      byId.set(parsed.data.id, parsed.data);
    }
    req.onPage?.(byId.size, res.totalResults);
    start += items.length;
    if (items.length === 0 || (res.totalResults !== undefined && start > res.totalResults)) return [...byId.values()];
  }
  throw new AppFailure({ code: 'INTERNAL', message: `${req.what}: the list did not end after ${req.maxPages ?? 100_000} pages.` });
}
