import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import type { RestClient, RestRequest } from './types';

/**
 * The one reader of Databricks list APIs that page with `next_page_token` (every Unity Catalog list, SQL warehouses,
 * and any other). The rule is the list pages' own: "a page may contain zero results while still providing a
 * next_page_token. Clients must continue reading pages until next_page_token is absent, which is the only
 * indication that the end of results has been reached" (https://docs.databricks.com/api/workspace/schemas/list;
 * the same note is on catalogs, tables, volumes, functions, entity tag assignments, system schemas…). Unity
 * Catalog lists ask `max_results=0`, the server's page size, which those pages recommend ("unpaginated calls will
 * be deprecated soon"). Never stop at an empty page; stop when the token is absent or empty.
 */

export interface PagedListRequest<S extends z.ZodType> {
  readonly path: string;
  /** Query parameters other than the page size and token. */
  readonly query?: RestRequest<z.ZodType>['query'];
  /** The array's key in each page: `schemas`, `tag_assignments`, `warehouses`… */
  readonly itemsKey: string;
  /** One item of the array. */
  readonly item: S;
  /** What this list is, for failure messages: "Listing the schemas of main". */
  readonly what: string;
  readonly signal?: AbortSignal;
  /** The page size parameter: Unity Catalog's `max_results=0` by default; SQL warehouses take `page_size`. */
  readonly pageSize?: { readonly param: string; readonly value: number };
  /** A guard against a server that never stops handing out tokens (default 100,000 pages). */
  readonly maxPages?: number;
}

export const UC_PAGE_SIZE = { param: 'max_results', value: 0 } as const;

/** Yields each page's items, following `next_page_token` through empty pages, until the token is absent. */
export async function* listPages<S extends z.ZodType>(rest: RestClient, req: PagedListRequest<S>): AsyncGenerator<z.output<S>[]> {
  const page = z.object({ [req.itemsKey]: z.array(req.item).optional(), next_page_token: z.string().nullable().optional() });
  const size = req.pageSize ?? UC_PAGE_SIZE;
  const seen = new Set<string>();
  let token: string | undefined;
  for (let n = 0; n < (req.maxPages ?? 100_000); n++) {
    const res = (await rest.request({
      method: 'GET',
      path: req.path,
      query: { ...req.query, [size.param]: size.value, ...(token === undefined ? {} : { page_token: token }) },
      schema: page,
      what: req.what,
      ...(req.signal ? { signal: req.signal } : {}),
    })) as Record<string, unknown>;
    yield (res[req.itemsKey] as z.output<S>[] | undefined) ?? [];
    const next = res.next_page_token;
    if (typeof next !== 'string' || next === '') return;
    // A token handed out twice would loop forever: the server broke its own contract.
    if (seen.has(next)) throw new AppFailure({ code: 'INTERNAL', message: `${req.what}: Databricks returned the same page token twice.`, hint: 'Try again; if it persists, report it with the log.' });
    seen.add(next);
    token = next;
  }
  throw new AppFailure({ code: 'INTERNAL', message: `${req.what}: the list did not end after ${req.maxPages ?? 100_000} pages.` });
}

/** Every item of a paged list, in the order the pages came. */
export async function listAll<S extends z.ZodType>(rest: RestClient, req: PagedListRequest<S>): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  for await (const items of listPages(rest, req)) out.push(...items);
  return out;
}
