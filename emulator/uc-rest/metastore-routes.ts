import { z } from 'zod';
import type { RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import { SYSTEM_SCHEMAS } from '../catalog/metastore-settings';
import { updateBindings } from '../catalog/ops/alter';
import { DEFAULT_CATALOG, type UnityCatalog } from '../catalog/unity-catalog';
import { bodyOf, json, route } from './http';
import { pageBody, paginate } from './pagination';

const BASE = '/api/2.1/unity-catalog';

/** Metastore summary and assignment (§4.1), system schemas (§3.4, both /api/2.0 and /api/2.1), bindings (§4.8). */
export function metastoreRoutes(uc: UnityCatalog): RestRoute[] {
  const [cloud, region] = uc.sandbox.metastoreRegion.split(':');
  const summary = () => ({
    metastore_id: uc.sandbox.metastoreId,
    name: 'sandbox-metastore',
    cloud,
    region,
    global_metastore_id: uc.sandbox.metastoreRegion,
    owner: uc.settings.owner,
    // Absent on a metastore without root storage, as the SDKs' optional field is.
    ...(uc.metastoreStorageRoot === undefined ? {} : { storage_root: uc.metastoreStorageRoot }),
    privilege_model_version: '1.0',
    delta_sharing_scope: 'INTERNAL',
    external_access_enabled: false,
    created_at: uc.settings.createdAt,
    created_by: uc.settings.owner,
    updated_at: uc.settings.createdAt,
    updated_by: uc.settings.owner,
  });
  const checkMetastore = (id: string) => {
    if (id !== uc.sandbox.metastoreId) throw ucErrors.metastoreNotFound(id);
  };
  const systemSchemas = (version: string): RestRoute[] => [
    route(uc, 'GET', `/api/${version}/unity-catalog/metastores/:metastore_id/systemschemas`, 'listSystemSchemas', (req) => {
      checkMetastore(req.params.metastore_id!);
      const list = SYSTEM_SCHEMAS.map((schema) => ({ schema, state: uc.settings.systemSchemaState(schema) }));
      return json(pageBody('schemas', paginate(list, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, 'systemschemas')));
    }),
    ...(['PUT', 'DELETE'] as const).map((method) =>
      route(uc, method, `/api/${version}/unity-catalog/metastores/:metastore_id/systemschemas/:schema`, method === 'PUT' ? 'enableSystemSchema' : 'disableSystemSchema', (req, ctx) => {
        checkMetastore(req.params.metastore_id!);
        // Account admins or metastore admins enable system schemas (reference §3.4, R36).
        if (!ctx.subject.metastoreAdmin) throw ucErrors.insufficientPermissions('Only a metastore admin can enable or disable system schemas.');
        const schema = req.params.schema!;
        if (uc.settings.systemSchemaState(schema) === undefined) {
          throw ucErrors.notFound(`System schema '${schema}' does not exist.`);
        }
        uc.settings.setSystemSchema(schema, method === 'PUT' ? 'ENABLE_COMPLETED' : 'AVAILABLE');
        return json({});
      }),
    ),
  ];
  const Binding = z.object({ workspace_id: z.union([z.number(), z.string()]), binding_type: z.enum(['BINDING_TYPE_READ_WRITE', 'BINDING_TYPE_READ_ONLY']).default('BINDING_TYPE_READ_WRITE') });
  const bindingsOf = (name: string) => uc.resolve.catalog(name).catalog.bindings.map((b) => ({ workspace_id: Number(b.workspaceId), binding_type: b.bindingType }));
  const catalogOnly = (type: string) => {
    if (type.toLowerCase() !== 'catalog') throw ucErrors.invalidParameter(`Bindings of '${type}' securables are not supported in the sandbox.`);
  };
  return [
    route(uc, 'GET', `${BASE}/metastore_summary`, 'getMetastoreSummary', () => json(summary())),
    route(uc, 'GET', `${BASE}/current-metastore-assignment`, 'getCurrentMetastoreAssignment', () =>
      json({ workspace_id: Number(uc.sandbox.workspaceId), metastore_id: uc.sandbox.metastoreId, default_catalog_name: DEFAULT_CATALOG }),
    ),
    route(uc, 'GET', `${BASE}/metastores`, 'listMetastores', (_req, ctx) => {
      if (!ctx.subject.metastoreAdmin) throw ucErrors.insufficientPermissions('Only a metastore admin can list metastores.');
      return json({ metastores: [summary()] });
    }),
    route(uc, 'GET', `${BASE}/metastores/:id`, 'getMetastore', (req) => {
      checkMetastore(req.params.id!);
      return json(summary());
    }),
    ...systemSchemas('2.0'),
    ...systemSchemas('2.1'),
    route(uc, 'GET', `${BASE}/bindings/:type/:name`, 'getBindings', (req, ctx) => {
      catalogOnly(req.params.type!);
      uc.authz.requireManage(ctx.subject, uc.resolve.catalog(req.params.name!));
      return json(pageBody('bindings', paginate(bindingsOf(req.params.name!), req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `bindings:${req.params.name}`)));
    }),
    route(uc, 'PATCH', `${BASE}/bindings/:type/:name`, 'updateBindings', (req, ctx) => {
      catalogOnly(req.params.type!);
      const b = bodyOf(req, z.object({ add: z.array(Binding).default([]), remove: z.array(z.object({ workspace_id: z.union([z.number(), z.string()]) })).default([]) }));
      updateBindings(ctx, req.params.name!, b.add.map((x) => ({ workspaceId: String(x.workspace_id), bindingType: x.binding_type })), b.remove.map((x) => String(x.workspace_id)));
      return json({ bindings: bindingsOf(req.params.name!) });
    }),
    route(uc, 'GET', `${BASE}/workspace-bindings/catalogs/:name`, 'getWorkspaceBindings', (req, ctx) => {
      uc.authz.requireManage(ctx.subject, uc.resolve.catalog(req.params.name!));
      return json({ workspaces: bindingsOf(req.params.name!).map((b) => b.workspace_id) });
    }),
    route(uc, 'PATCH', `${BASE}/workspace-bindings/catalogs/:name`, 'updateWorkspaceBindings', (req, ctx) => {
      const b = bodyOf(req, z.object({ assign_workspaces: z.array(z.union([z.number(), z.string()])).default([]), unassign_workspaces: z.array(z.union([z.number(), z.string()])).default([]) }));
      updateBindings(ctx, req.params.name!, b.assign_workspaces.map((w) => ({ workspaceId: String(w), bindingType: 'BINDING_TYPE_READ_WRITE' as const })), b.unassign_workspaces.map(String));
      return json({ workspaces: bindingsOf(req.params.name!).map((x) => x.workspace_id) });
    }),
  ];
}
