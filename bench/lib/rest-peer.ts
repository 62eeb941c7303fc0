import { z } from 'zod';
import { quoteLiteral } from '../../shared/sql/quote';
import { systemClock } from '../../electron/node';
import { listPages } from '../../electron/services/connection/paged-list';
import type { RestClient, SqlSession } from '../../electron/services/connection/types';
import { onSessions } from '../../electron/services/metadata/crawl/catalog-workers';
import { mapLimit } from '../../electron/services/metadata/crawl/map-limit';

const UC = '/api/2.1/unity-catalog';
const Named = z.object({ name: z.string() }).passthrough();
const Table = z.object({ name: z.string(), columns: z.array(z.object({ name: z.string() }).passthrough()).nullable().optional() }).passthrough();

export interface PeerCounts {
  readonly tables: number;
  readonly columns: number;
  readonly tags: number;
  readonly requests: number;
  readonly statements: number;
}

/**
 * The crawler ucbridge is compared with, as governance-steps-3-4.md §3 defines the peer baseline: DataHub-style REST
 * (catalogs → schemas → tables, tables listed per schema with `max_results=0`, the server's page size) with N workers
 * (8 by default), and tags from per-schema `table_tags` / `column_tags` queries as OpenMetadata reads them — each
 * worker holding a warehouse session of its own. It reads names, columns and tags; no grants, masks or lineage, so it
 * does less than the crawl it is measured against.
 */
export async function restPeerCrawl(rest: RestClient, openSession: () => Promise<SqlSession>, concurrency = 8): Promise<PeerCounts> {
  let requests = 0;
  let statements = 0;
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
  let tags = 0;
  await onSessions({
    items: schemas.filter(([, s]) => s !== 'information_schema'),
    concurrency,
    openSession,
    signal,
    clock: systemClock,
    work: async ([c, s], session) => {
      for await (const page of listPages(counted, { path: `${UC}/tables`, query: { catalog_name: c, schema_name: s }, itemsKey: 'tables', item: Table, what: 'tables', signal })) {
        tables += page.length;
        for (const t of page) columns += t.columns?.length ?? 0;
      }
      const where = `catalog_name = ${quoteLiteral(c)} AND schema_name = ${quoteLiteral(s)}`;
      for (const view of ['table_tags', 'column_tags']) {
        statements++;
        tags += (await session.execute(`SELECT * FROM system.information_schema.${view} WHERE ${where}`)).length;
      }
    },
  });
  return { tables, columns, tags, requests, statements };
}
