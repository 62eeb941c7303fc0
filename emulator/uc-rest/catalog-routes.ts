import { z } from 'zod';
import type { RestRoute } from '../contracts';
import { createCatalog, createSchema } from '../catalog/ops/create';
import { dropCatalog, dropSchema } from '../catalog/ops/drop';
import { updateSecurable } from '../catalog/ops/alter';
import type { SchemaEntity } from '../catalog/model';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { dropStorage } from '../sql/engine/storage';
import { requireVisible, visibility } from './access';
import { bodyOf, boolQuery, json, requiredQuery, route } from './http';
import { pageBody, paginate } from './pagination';
import { catalogInfo, schemaInfo } from './shapes';

const Props = z.record(z.string(), z.string());
const NewCatalog = z.object({ name: z.string().min(1), comment: z.string().optional(), properties: Props.optional(), storage_root: z.string().min(1).optional() }).passthrough();
const CatalogPatch = z.object({
  comment: z.string().optional(), owner: z.string().optional(), new_name: z.string().optional(), properties: Props.optional(),
  isolation_mode: z.enum(['OPEN', 'ISOLATED']).optional(),
}).passthrough();
const NewSchema = z.object({ name: z.string().min(1), catalog_name: z.string().min(1), comment: z.string().optional(), properties: Props.optional() }).passthrough();
const SchemaPatch = z.object({ comment: z.string().optional(), owner: z.string().optional(), new_name: z.string().optional(), properties: Props.optional() }).passthrough();

const BASE = '/api/2.1/unity-catalog';

/** Catalogs and schemas (reference §4.2, §4.3). */
export function catalogRoutes(uc: UnityCatalog): RestRoute[] {
  return [
    route(uc, 'GET', `${BASE}/catalogs`, 'listCatalogs', (req, ctx) => {
      const includeBrowse = boolQuery(req, 'include_browse');
      // Catalogs of an ISOLATED catalog not bound here are hidden unless an admin asks for them (R45).
      const includeUnbound = boolQuery(req, 'include_unbound') && ctx.subject.metastoreAdmin;
      const all = [...uc.store.catalogs.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(all, req.query, { fault: uc.paging(), serverPageSize: 50, unpaginatedByDefault: true }, 'catalogs', (c) => {
        const bound = c.isolationMode === 'OPEN' || c.bindings.some((b) => b.workspaceId === uc.sandbox.workspaceId);
        const v = visibility(ctx, { kind: 'CATALOG', catalog: c });
        return (bound || includeUnbound) && (v === 'full' || (v === 'browse' && includeBrowse));
      });
      return json(pageBody('catalogs', { ...page, items: page.items.map((c) => catalogInfo(uc, c, visibility(ctx, { kind: 'CATALOG', catalog: c }) === 'browse')) }));
    }),
    route(uc, 'POST', `${BASE}/catalogs`, 'createCatalog', (req, ctx) => {
      const b = bodyOf(req, NewCatalog);
      const c = createCatalog(ctx, { name: b.name, comment: b.comment ?? null, properties: b.properties ?? {}, managedLocation: b.storage_root ?? null })!;
      return json(catalogInfo(uc, c));
    }),
    route(uc, 'GET', `${BASE}/catalogs/:name`, 'getCatalog', (req, ctx) => {
      const ref = uc.resolve.catalog(req.params.name!);
      const v = requireVisible(ctx, ref, boolQuery(req, 'include_browse'));
      return json(catalogInfo(uc, ref.catalog, v === 'browse'));
    }),
    route(uc, 'PATCH', `${BASE}/catalogs/:name`, 'updateCatalog', (req, ctx) => {
      const b = bodyOf(req, CatalogPatch);
      const ref = updateSecurable(ctx, uc.resolve.catalog(req.params.name!), {
        owner: b.owner, comment: b.comment, newName: b.new_name, properties: b.properties, isolationMode: b.isolation_mode,
      });
      return json(catalogInfo(uc, (ref as { catalog: Parameters<typeof catalogInfo>[1] }).catalog));
    }),
    route(uc, 'DELETE', `${BASE}/catalogs/:name`, 'deleteCatalog', async (req, ctx) => {
      await dropStorage(uc, dropCatalog(ctx, req.params.name!, { cascade: boolQuery(req, 'force') }));
      return json({});
    }),
    route(uc, 'GET', `${BASE}/schemas`, 'listSchemas', (req, ctx) => {
      const catalog = uc.resolve.catalog(requiredQuery(req, 'catalog_name'));
      const includeBrowse = boolQuery(req, 'include_browse');
      requireVisible(ctx, catalog, includeBrowse);
      const all = [...uc.store.schemas.childrenOf(catalog.catalog.id)].sort((a, b) => a.name.localeCompare(b.name));
      // "If the caller is the metastore admin or the owner of the parent catalog, all schemas for the catalog will be
      // retrieved. Otherwise, only schemas owned by the caller (or for which the caller has the USE_SCHEMA privilege)
      // will be retrieved" (https://docs.databricks.com/api/workspace/schemas/list): MANAGE alone lists nothing.
      const { subject } = ctx;
      const listable = (s: SchemaEntity): boolean => {
        const ref = { kind: 'SCHEMA' as const, catalog: catalog.catalog, schema: s };
        if (subject.metastoreAdmin || uc.authz.owns(subject, catalog.catalog.owner) || uc.authz.has(subject, ref, 'USE_SCHEMA')) return true;
        return includeBrowse && visibility(ctx, ref) === 'browse';
      };
      const page = paginate(all, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `schemas:${catalog.catalog.id}`, listable);
      return json(pageBody('schemas', { ...page, items: page.items.map((s) => schemaInfo(uc, catalog.catalog, s)) }));
    }),
    route(uc, 'POST', `${BASE}/schemas`, 'createSchema', (req, ctx) => {
      const b = bodyOf(req, NewSchema);
      const s = createSchema(ctx, { catalog: b.catalog_name, name: b.name, comment: b.comment ?? null, properties: b.properties ?? {} })!;
      return json(schemaInfo(uc, uc.resolve.catalog(b.catalog_name).catalog, s));
    }),
    route(uc, 'GET', `${BASE}/schemas/:full_name`, 'getSchema', (req, ctx) => {
      const [c, s] = uc.resolve.parts(req.params.full_name!, 2);
      const ref = uc.resolve.schema(c!, s!);
      const v = requireVisible(ctx, ref, boolQuery(req, 'include_browse'));
      return json(schemaInfo(uc, ref.catalog, ref.schema, v === 'browse'));
    }),
    route(uc, 'PATCH', `${BASE}/schemas/:full_name`, 'updateSchema', (req, ctx) => {
      const [c, s] = uc.resolve.parts(req.params.full_name!, 2);
      const b = bodyOf(req, SchemaPatch);
      const ref = updateSecurable(ctx, uc.resolve.schema(c!, s!), { owner: b.owner, comment: b.comment, newName: b.new_name, properties: b.properties });
      const updated = ref as { catalog: Parameters<typeof schemaInfo>[1]; schema: Parameters<typeof schemaInfo>[2] };
      return json(schemaInfo(uc, updated.catalog, updated.schema));
    }),
    route(uc, 'DELETE', `${BASE}/schemas/:full_name`, 'deleteSchema', async (req, ctx) => {
      const [c, s] = uc.resolve.parts(req.params.full_name!, 2);
      await dropStorage(uc, dropSchema(ctx, c!, s!, { cascade: boolQuery(req, 'force') }));
      return json({});
    }),
  ];
}
