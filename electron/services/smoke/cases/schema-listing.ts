import { z } from 'zod';
import { quoteLiteral } from '../../../../shared/sql/quote';
import { listAll } from '../../connection/paged-list';
import { asRestClient } from '../read-only';
import type { SmokeCase } from '../smoke-types';

/**
 * Who sees which schemas: "If the caller is the metastore admin or the owner of the parent catalog, all schemas for
 * the catalog will be retrieved. Otherwise, only schemas owned by the caller (or for which the caller has the
 * USE_SCHEMA privilege)". The REST list is compared with information_schema.schemata for one catalog.
 */
export const SCHEMA_LISTING_CASES: readonly SmokeCase[] = [
  {
    id: 'schemas.listing-rule',
    title: 'List schemas: who sees all of them',
    expects: 'a metastore admin or the catalog owner lists every schema; others a subset of information_schema.schemata',
    doc: 'https://docs.databricks.com/api/workspace/schemas/list',
    run: async (ctx) => {
      if (!ctx.sql) return { status: 'skip', observed: {}, reason: 'No running SQL warehouse: pass --warehouse <id> of a running one.' };
      const rest = asRestClient(ctx.rest);
      const catalogs = await listAll(rest, { path: '/api/2.1/unity-catalog/catalogs', itemsKey: 'catalogs', item: z.object({ name: z.string(), owner: z.string().optional() }), what: 'Listing catalogs' });
      const catalog = catalogs.filter((c) => c.name !== 'system').sort((a, b) => a.name.localeCompare(b.name))[0];
      if (!catalog) return { status: 'skip', observed: {}, reason: 'No catalog visible.' };
      const viaRest = (await listAll(rest, { path: '/api/2.1/unity-catalog/schemas', query: { catalog_name: catalog.name }, itemsKey: 'schemas', item: z.object({ name: z.string() }), what: 'Listing schemas' })).map((s) => s.name);
      const viaSql = (await ctx.sql.query(`SELECT schema_name AS s FROM system.information_schema.schemata WHERE catalog_name = ${quoteLiteral(catalog.name)}`)).map((r) => String(r.s));
      const names = [ctx.identity.userName, ...ctx.identity.groups].map((n) => n.toLowerCase());
      const owner = catalog.owner !== undefined && names.includes(catalog.owner.toLowerCase());
      const { owner: metastoreOwner } = await ctx.rest.get('/api/2.1/unity-catalog/metastore_summary', {}, z.object({ owner: z.string().optional() }), 'Reading the metastore');
      const admin = metastoreOwner !== undefined && names.includes(metastoreOwner.toLowerCase());
      const observed = { viaRest: viaRest.length, viaInformationSchema: viaSql.length, catalogOwner: owner, metastoreAdmin: admin };
      const subset = viaRest.every((s) => viaSql.includes(s));
      if (!subset) return { status: 'fail', observed, reason: 'REST lists schemas information_schema does not show.' };
      if ((owner || admin) && viaRest.length !== viaSql.length) return { status: 'fail', observed, reason: 'As owner or metastore admin, REST should list every schema.' };
      return { status: 'pass', observed };
    },
  },
];
