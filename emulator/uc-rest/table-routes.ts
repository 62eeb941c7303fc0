import { z } from 'zod';
import type { RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import { updateSecurable } from '../catalog/ops/alter';
import { createTable } from '../catalog/ops/create';
import { dropTable } from '../catalog/ops/drop';
import type { TableRef } from '../catalog/resolve';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { dropStorage } from '../sql/engine/storage';
import { normalizeTypeText } from '../sql/types';
import { requireVisible, visibility } from './access';
import { bodyOf, boolQuery, json, requiredQuery, route } from './http';
import { pageBody, paginate } from './pagination';
import { tableInfo } from './shapes';

const BASE = '/api/2.1/unity-catalog';

const NewTable = z.object({
  name: z.string().min(1),
  catalog_name: z.string().min(1),
  schema_name: z.string().min(1),
  table_type: z.string(),
  data_source_format: z.string().optional(),
  storage_location: z.string().optional(),
  comment: z.string().optional(),
  properties: z.record(z.string(), z.string()).optional(),
  columns: z.array(z.object({ name: z.string().min(1), type_text: z.string().min(1), nullable: z.boolean().optional(), comment: z.string().optional() }).passthrough()).default([]),
}).passthrough();

/** SQL LIKE patterns of table-summaries (`%`, `_`), case-insensitively. */
function likeMatcher(pattern: string | null): (s: string) => boolean {
  if (pattern === null || pattern === '') return () => true;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()[\]\\|*]/g, '\\$&').replaceAll('%', '.*').replaceAll('_', '.')}$`, 'i');
  return (s) => re.test(s);
}

/** Tables, table-summaries and the exists check (reference §4.4). */
export function tableRoutes(uc: UnityCatalog): RestRoute[] {
  const tableOf = (fullName: string): TableRef => {
    const [c, s, t] = uc.resolve.parts(fullName, 3);
    return uc.resolve.table(c!, s!, t!);
  };
  return [
    route(uc, 'GET', `${BASE}/tables`, 'listTables', (req, ctx) => {
      const schema = uc.resolve.schema(requiredQuery(req, 'catalog_name'), requiredQuery(req, 'schema_name'));
      const includeBrowse = boolQuery(req, 'include_browse');
      requireVisible(ctx, schema, includeBrowse);
      const all = uc.store.tables.childrenOf(schema.schema.id).toSorted((a, b) => a.name.localeCompare(b.name));
      const opts = { omitColumns: boolQuery(req, 'omit_columns'), omitProperties: boolQuery(req, 'omit_properties') };
      const page = paginate(all, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `tables:${schema.schema.id}`, (t) => {
        const v = visibility(ctx, { ...schema, kind: 'TABLE', table: t });
        return v === 'full' || (v === 'browse' && includeBrowse);
      });
      const items = page.items.map((t) => tableInfo(uc, schema.catalog, schema.schema, t, { ...opts, browseOnly: visibility(ctx, { ...schema, kind: 'TABLE', table: t }) === 'browse' }));
      return json(pageBody('tables', { ...page, items }));
    }),
    route(uc, 'GET', `${BASE}/table-summaries`, 'listTableSummaries', (req, ctx) => {
      const catalog = uc.resolve.catalog(requiredQuery(req, 'catalog_name'));
      const schemaMatch = likeMatcher(req.query.get('schema_name_pattern'));
      const tableMatch = likeMatcher(req.query.get('table_name_pattern'));
      const refs: TableRef[] = [];
      for (const s of uc.store.schemas.childrenOf(catalog.catalog.id).toSorted((a, b) => a.name.localeCompare(b.name))) {
        if (!schemaMatch(s.name)) continue;
        for (const t of uc.store.tables.childrenOf(s.id).toSorted((a, b) => a.name.localeCompare(b.name))) {
          if (tableMatch(t.name)) refs.push({ kind: 'TABLE', catalog: catalog.catalog, schema: s, table: t });
        }
      }
      // Server page size 10,000 (reference §4.4); the cheapest crawler entry point.
      const page = paginate(refs, req.query, { fault: uc.paging(), serverPageSize: 10000, maxPageSize: 10000 }, `summaries:${catalog.catalog.id}:${req.query.get('schema_name_pattern')}:${req.query.get('table_name_pattern')}`, (r) => visibility(ctx, r) !== 'none');
      const items = page.items.map((r) => ({
        full_name: `${r.catalog.name}.${r.schema.name}.${r.table.name}`,
        table_type: r.table.tableType,
        securable_kind_manifest: { securable_kind: r.table.tableType === 'VIEW' ? 'TABLE_VIEW' : 'TABLE_DELTA' },
      }));
      return json(pageBody('tables', { ...page, items }));
    }),
    route(uc, 'GET', `${BASE}/tables/:full_name`, 'getTable', (req, ctx) => {
      const ref = tableOf(req.params.full_name!);
      const v = requireVisible(ctx, ref, boolQuery(req, 'include_browse'));
      return json(tableInfo(uc, ref.catalog, ref.schema, ref.table, { browseOnly: v === 'browse' }));
    }),
    route(uc, 'GET', `${BASE}/tables/:full_name/exists`, 'tableExists', (req, ctx) => {
      const [c, s, t] = uc.resolve.parts(req.params.full_name!, 3);
      const ref = uc.resolve.findTable(c!, s!, t!);
      return json({ table_exists: ref !== undefined && visibility(ctx, ref) !== 'none' });
    }),
    route(uc, 'PATCH', `${BASE}/tables/:full_name`, 'updateTables', (req, ctx) => {
      const b = bodyOf(req, z.object({ owner: z.string().optional(), comment: z.string().optional() }).passthrough());
      const ref = updateSecurable(ctx, tableOf(req.params.full_name!), { owner: b.owner, comment: b.comment }) as TableRef;
      return json(tableInfo(uc, ref.catalog, ref.schema, ref.table));
    }),
    route(uc, 'DELETE', `${BASE}/tables/:full_name`, 'deleteTable', async (req, ctx) => {
      const [c, s, t] = uc.resolve.parts(req.params.full_name!, 3);
      await dropStorage(uc, dropTable(ctx, [c!, s!, t!], {}));
      return json({});
    }),
    // REST creates external Delta tables only; managed tables are made with SQL (reference §1.3, S-PY TablesAPI.create).
    route(uc, 'POST', `${BASE}/tables`, 'createTable', (req, ctx) => {
      const b = bodyOf(req, NewTable);
      if (b.table_type !== 'EXTERNAL' || !b.storage_location) {
        throw ucErrors.invalidParameter('Only external Delta tables (table_type EXTERNAL with a storage_location) can be created through this API.');
      }
      const columns = b.columns.map((c) => ({ name: c.name, typeText: normalizeTypeText(c.type_text), nullable: c.nullable ?? true, comment: c.comment ?? null }));
      createTable(ctx, { catalog: b.catalog_name, schema: b.schema_name, name: b.name, columns, tableType: 'EXTERNAL', location: b.storage_location, comment: b.comment ?? null, properties: b.properties ?? {} });
      const ref = uc.resolve.table(b.catalog_name, b.schema_name, b.name);
      return json(tableInfo(uc, ref.catalog, ref.schema, ref.table));
    }),
  ];
}
