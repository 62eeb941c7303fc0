import { z } from 'zod';
import { listPages, type PagedListRequest } from '../../connection/paged-list';
import { asRestClient } from '../read-only';
import type { CaseOutcome, ReadOnlyRest, SmokeCase, SmokeContext } from '../smoke-types';

/**
 * Every list the app reads, read twice: with the server's page size (`max_results=0`) and one item per page, both
 * through the app's pager. The list pages say a page may be empty and still carry a next_page_token, and that only
 * an absent token ends the list (https://docs.databricks.com/api/workspace/schemas/list).
 */

const UC = '/api/2.1/unity-catalog';

interface Walk {
  readonly items: string[];
  readonly pages: number;
  readonly emptyPages: number;
}

async function walk<S extends z.ZodType>(rest: ReadOnlyRest, req: PagedListRequest<S>, key: (item: z.output<S>) => string): Promise<Walk> {
  const items: string[] = [];
  let pages = 0;
  let emptyPages = 0;
  for await (const page of listPages(asRestClient(rest), req)) {
    pages++;
    if (page.length === 0) emptyPages++;
    items.push(...page.map(key));
  }
  return { items, pages, emptyPages };
}

/** A catalog to list inside: the first one the reader can see (not `system`). */
async function someCatalog(ctx: SmokeContext): Promise<string | undefined> {
  const list = await walk(ctx.rest, { path: `${UC}/catalogs`, itemsKey: 'catalogs', item: z.object({ name: z.string() }), what: 'Listing catalogs' }, (c) => c.name);
  return list.items.filter((c) => c !== 'system').sort()[0];
}

type ListSpec = Omit<PagedListRequest<z.ZodType>, 'pageSize' | 'item'> & { readonly key: (item: Record<string, unknown>) => string; readonly smallParam?: string };

/** Both walks of one list: pass when one-item pages give the same items as the server's page size. */
async function compare(ctx: SmokeContext, spec: ListSpec): Promise<CaseOutcome> {
  const item = z.record(z.string(), z.unknown());
  const base = { ...spec, item };
  const whole = await walk(ctx.rest, { ...base, ...(spec.smallParam ? { pageSize: { param: spec.smallParam, value: 0 } } : {}) }, spec.key);
  const small = await walk(ctx.rest, { ...base, pageSize: { param: spec.smallParam ?? 'max_results', value: 1 } }, spec.key);
  const observed = { items: whole.items.length, pagesAtServerSize: whole.pages, pagesOfOne: small.pages, emptyPages: whole.emptyPages + small.emptyPages };
  const same = JSON.stringify([...whole.items].sort()) === JSON.stringify([...small.items].sort());
  return same ? { status: 'pass', observed } : { status: 'fail', observed, reason: 'One-item pages returned other items than the server page size.' };
}

const str = (k: string) => (i: Record<string, unknown>) => String(i[k]);

export const LIST_CASES: readonly SmokeCase[] = [
  {
    id: 'lists.schemas',
    title: 'List schemas: paging',
    expects: 'max_results=0 and one-item pages (through empty pages) give the same schemas',
    doc: 'https://docs.databricks.com/api/workspace/schemas/list',
    run: async (ctx) => {
      const catalog = await someCatalog(ctx);
      if (!catalog) return { status: 'skip', observed: {}, reason: 'No catalog visible.' };
      return compare(ctx, { path: `${UC}/schemas`, query: { catalog_name: catalog }, itemsKey: 'schemas', what: 'Listing schemas', key: str('name') });
    },
  },
  {
    id: 'lists.catalog-tags',
    title: 'List entity tag assignments: paging',
    expects: 'the tags of a catalog read the same at either page size',
    doc: 'https://docs.databricks.com/api/workspace/entitytagassignments/list',
    run: async (ctx) => {
      const catalog = await someCatalog(ctx);
      if (!catalog) return { status: 'skip', observed: {}, reason: 'No catalog visible.' };
      return compare(ctx, { path: `${UC}/entity-tag-assignments/catalogs/${encodeURIComponent(catalog)}/tags`, itemsKey: 'tag_assignments', what: 'Listing tags', key: str('tag_key') });
    },
  },
  {
    id: 'lists.system-schemas',
    title: 'List system schemas: paging',
    expects: 'max_results=0 and one-item pages give the same system schemas',
    doc: 'https://docs.databricks.com/api/workspace/systemschemas/list',
    run: async (ctx) => {
      const { metastore_id: id } = await ctx.rest.get(`${UC}/metastore_summary`, {}, z.object({ metastore_id: z.string() }), 'Reading the metastore');
      return compare(ctx, { path: `${UC}/metastores/${encodeURIComponent(id)}/systemschemas`, itemsKey: 'schemas', what: 'Listing system schemas', key: str('schema') });
    },
  },
  {
    id: 'lists.warehouses',
    title: 'List SQL warehouses: paging',
    expects: 'page_size=1 gives the same warehouses as one page',
    doc: 'https://docs.databricks.com/api/workspace/warehouses/list',
    run: (ctx) => compare(ctx, { path: '/api/2.0/sql/warehouses', itemsKey: 'warehouses', what: 'Listing SQL warehouses', key: str('id'), smallParam: 'page_size' }),
  },
];
