import type { z } from 'zod';
import type { BlindSpot } from '../../../../shared/metadata/snapshot';
import { normalizePrivilege } from '../../../../shared/sql/privilege-reads';
import { listPages, type PagedListRequest } from '../../connection/paged-list';
import type { RestClient } from '../../connection/types';
import type { SnapshotWriter } from '../index/snapshot-writer';
import { mapLimit } from './map-limit';
import { CatalogInfoSchema, PrivilegeAssignmentSchema, SchemaInfoSchema, TableInfoSchema, TableSummarySchema, TagAssignmentSchema, type TableInfo } from './rest-shapes';
import type { CrawlProgress } from './sql-crawl';

const UC = '/api/2.1/unity-catalog';

/** Requests in flight at once: what DataHub's Unity Catalog source uses (governance-steps-3-4.md §3). */
export const REST_CONCURRENCY = 8;

type Securable = { readonly type: 'catalog' | 'schema' | 'table'; readonly parts: readonly string[] };

/**
 * The fallback when SQL is unavailable (no warehouse, or not allowed to use one): the same snapshot read from the
 * Unity Catalog REST API (reference §4.3). Per catalog, `table-summaries` (10,000 names a page) tells which schemas
 * hold tables; only those schemas' tables are listed in full (`max_results=0`, the server's page size, with
 * `include_browse` and `omit_properties`), every list following `next_page_token` through empty pages. Tags and
 * direct grants have no bulk REST form, so they are read one object at a time, 8 requests at once. Lineage, the
 * audit summary and ABAC policies come from SQL only: the snapshot says so as a blind spot.
 */
export async function crawlOverRest(o: {
  readonly writer: SnapshotWriter;
  readonly rest: RestClient;
  readonly signal: AbortSignal;
  readonly onProgress?: (p: CrawlProgress) => void;
}): Promise<{ readonly catalogs: readonly string[]; readonly blindSpots: readonly BlindSpot[]; readonly requests: number }> {
  const { writer, signal } = o;
  let requests = 0;
  const pages = <S extends z.ZodType>(req: Omit<PagedListRequest<S>, 'signal'>) => {
    const counted: RestClient = { request: (r) => (requests++, o.rest.request(r)) };
    return listPages(counted, { ...req, signal });
  };
  const all = async <S extends z.ZodType>(req: Omit<PagedListRequest<S>, 'signal'>) => {
    const out: z.output<S>[] = [];
    for await (const items of pages(req)) out.push(...items);
    return out;
  };

  const catalogs = (await all({ path: `${UC}/catalogs`, query: { include_browse: true }, itemsKey: 'catalogs', item: CatalogInfoSchema, what: 'Listing catalogs' }))
    .filter((c) => c.name !== 'system' && c.catalog_type !== 'SYSTEM_CATALOG')
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const c of catalogs) writer.append('catalogs', [c.name, c.owner ?? null, c.comment ?? null, c.created_at ?? null, c.updated_at ?? null]);
  const securables: Securable[] = catalogs.map((c) => ({ type: 'catalog', parts: [c.name] }));
  const columnsOf: Securable[] = [];
  let browseOnly = 0;
  let done = 0;
  const progress = (current?: string) =>
    o.onProgress?.({ phase: 'catalog', catalogsDone: done, catalogsTotal: catalogs.length, tables: writer.appended('tables'), columns: writer.appended('columns'), ...(current ? { current } : {}) });

  for (const { name: catalog } of catalogs) {
    progress(catalog);
    const schemas = (await all({ path: `${UC}/schemas`, query: { catalog_name: catalog, include_browse: true }, itemsKey: 'schemas', item: SchemaInfoSchema, what: `Listing the schemas of ${catalog}` }))
      .filter((s) => s.name !== 'information_schema');
    for (const s of schemas) {
      writer.append('schemas', [catalog, s.name, s.owner ?? null, s.comment ?? null, s.created_at ?? null, s.updated_at ?? null]);
      securables.push({ type: 'schema', parts: [catalog, s.name] });
    }
    const withTables = new Set<string>();
    for await (const summaries of pages({ path: `${UC}/table-summaries`, query: { catalog_name: catalog }, itemsKey: 'tables', item: TableSummarySchema, what: `Listing the tables of ${catalog}` })) {
      for (const t of summaries) withTables.add(t.full_name.split('.')[1] ?? '');
    }
    await mapLimit(schemas.filter((s) => withTables.has(s.name)), REST_CONCURRENCY, signal, async (s) => {
      const query = { catalog_name: catalog, schema_name: s.name, include_browse: true, omit_properties: true };
      for await (const tables of pages({ path: `${UC}/tables`, query, itemsKey: 'tables', item: TableInfoSchema, what: `Listing the tables of ${catalog}.${s.name}` })) {
        for (const t of tables) {
          appendTable(writer, t);
          if (t.browse_only) browseOnly++;
          securables.push({ type: 'table', parts: [catalog, s.name, t.name] });
          for (const col of t.columns ?? []) columnsOf.push({ type: 'table', parts: [catalog, s.name, t.name, col.name] });
        }
        progress(catalog);
      }
    });
    done++;
  }

  // Tags of every securable and column, and direct grants of every securable: one object per request.
  const entity = { catalog: 'catalogs', schema: 'schemas', table: 'tables' } as const;
  await mapLimit([...securables, ...columnsOf], REST_CONCURRENCY, signal, async (x) => {
    const isColumn = x.parts.length === 4;
    const name = x.parts.join('.');
    const type = isColumn ? 'columns' : entity[x.type];
    for await (const tags of pages({ path: `${UC}/entity-tag-assignments/${type}/${encodeURIComponent(name)}/tags`, itemsKey: 'tag_assignments', item: TagAssignmentSchema, what: `Reading the tags of ${name}` })) {
      for (const t of tags) writer.append('tags', tagRow(x, isColumn, t.tag_key, t.tag_value ?? null));
    }
    if (isColumn) return;
    for await (const grants of pages({ path: `${UC}/permissions/${x.type}/${encodeURIComponent(name)}`, itemsKey: 'privilege_assignments', item: PrivilegeAssignmentSchema, what: `Reading the grants on ${name}` })) {
      for (const g of grants) for (const p of g.privileges ?? []) writer.append('grants', [x.type.toUpperCase(), x.parts[0]!, x.parts[1] ?? null, x.parts[2] ?? null, g.principal, normalizePrivilege(p)]);
    }
  });

  const blindSpots: BlindSpot[] = [
    { code: 'rest-fallback', catalog: null, message: `Crawled over the REST API (${requests} requests) because SQL was not available: lineage, the audit summary and ABAC policies are read from SQL only, and tags and grants were read one object at a time.` },
  ];
  if (browseOnly > 0) blindSpots.push({ code: 'browse-only', catalog: null, message: `${browseOnly} table(s) are visible through BROWSE only: their columns' masks are not listed.` });
  return { catalogs: catalogs.map((c) => c.name), blindSpots, requests };
}

function tagRow(x: Securable, isColumn: boolean, key: string, value: string | null) {
  const [c, s = null, t = null, col = null] = x.parts;
  return [isColumn ? 'COLUMN' : x.type.toUpperCase(), c!, s, t, col, key, value] as const;
}

/**
 * A TableInfo in the information_schema's terms: REST column `position` counts from 0 where ORDINAL_POSITION counts
 * from 1; MASK_COL_USAGE is NULL without extra columns, FILTER_COL_USAGE the empty string (reference §2).
 */
function appendTable(writer: SnapshotWriter, t: TableInfo): void {
  const [c, s, n] = [t.catalog_name, t.schema_name, t.name];
  writer.append('tables', [c, s, n, t.table_type ?? null, t.owner ?? null, t.comment ?? null, t.data_source_format ?? null, t.created_at ?? null, t.updated_at ?? null, null, null, null]);
  (t.columns ?? []).forEach((col, i) => {
    writer.append('columns', [c, s, n, col.name, (col.position ?? i) + 1, col.type_text, col.comment ?? null, col.nullable ?? null]);
    if (col.mask) writer.append('column_masks', [c, s, n, col.name, col.mask.function_name, col.mask.using_column_names?.length ? col.mask.using_column_names.join(',') : null]);
  });
  if (t.row_filter) writer.append('row_filters', [c, s, n, t.row_filter.function_name, (t.row_filter.input_column_names ?? []).join(',')]);
}
