import { z } from 'zod';
import { listPages } from '../../electron/services/connection/paged-list';
import type { RestClient } from '../../electron/services/connection/types';
import { mapLimit } from '../../electron/services/metadata/crawl/map-limit';

const UC = '/api/2.1/unity-catalog';
const Named = z.object({ name: z.string() }).passthrough();
const Table = z.object({ name: z.string(), columns: z.array(z.object({ name: z.string() }).passthrough()).nullable().optional() }).passthrough();

/**
 * The crawler ucbridge is compared with: catalogs → schemas → tables through the Unity Catalog REST API, tables
 * listed per schema with `max_results=0` (the server's page size) and 8 requests at once, as DataHub's Unity Catalog
 * source crawls (governance-steps-3-4.md §3, "Peer baseline"). It reads only names and columns — no tags, grants or
 * lineage — so it does less than the crawl it is measured against.
 */
export async function restPeerCrawl(rest: RestClient, concurrency = 8): Promise<{ tables: number; columns: number; requests: number }> {
  let requests = 0;
  const counted: RestClient = { request: (r) => (requests++, rest.request(r)) };
  const signal = new AbortController().signal;
  const all = async <S extends z.ZodType>(path: string, query: Record<string, string>, itemsKey: string, item: S) => {
    const out: z.output<S>[] = [];
    for await (const page of listPages(counted, { path, query, itemsKey, item, what: path, signal })) out.push(...page);
    return out;
  };
  const catalogs = (await all(`${UC}/catalogs`, {}, 'catalogs', Named)).filter((c) => c.name !== 'system');
  const schemas: [string, string][] = [];
  await mapLimit(catalogs, concurrency, signal, async (c) => {
    for (const s of await all(`${UC}/schemas`, { catalog_name: c.name }, 'schemas', Named)) schemas.push([c.name, s.name]);
  });
  let tables = 0;
  let columns = 0;
  await mapLimit(schemas, concurrency, signal, async ([c, s]) => {
    for await (const page of listPages(counted, { path: `${UC}/tables`, query: { catalog_name: c, schema_name: s }, itemsKey: 'tables', item: Table, what: 'tables', signal })) {
      tables += page.length;
      for (const t of page) columns += t.columns?.length ?? 0;
    }
  });
  return { tables, columns, requests };
}
