import { z } from 'zod';
import type { RestRoute } from '../contracts';
import { updateSecurable } from '../catalog/ops/alter';
import { createFunction, createVolume } from '../catalog/ops/create';
import { dropFunction, dropVolume } from '../catalog/ops/drop';
import type { FunctionRef, VolumeRef } from '../catalog/resolve';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { normalizeTypeText } from '../sql/types';
import { requireVisible, visibility } from './access';
import { bodyOf, boolQuery, json, requiredQuery, route } from './http';
import { pageBody, paginate } from './pagination';
import { functionInfo, volumeInfo } from './shapes';

const BASE = '/api/2.1/unity-catalog';

const NewVolume = z.object({
  catalog_name: z.string().min(1), schema_name: z.string().min(1), name: z.string().min(1),
  volume_type: z.enum(['MANAGED', 'EXTERNAL']).default('MANAGED'), storage_location: z.string().optional(), comment: z.string().optional(),
}).passthrough();
const Param = z.object({ name: z.string().min(1), type_text: z.string().min(1), comment: z.string().optional(), parameter_default: z.string().optional() }).passthrough();
const NewFunction = z.object({
  function_info: z.object({
    name: z.string().min(1), catalog_name: z.string().min(1), schema_name: z.string().min(1),
    input_params: z.object({ parameters: z.array(Param).default([]) }).optional(),
    full_data_type: z.string().min(1), routine_body: z.literal('SQL'), routine_definition: z.string().min(1),
    is_deterministic: z.boolean().default(true), sql_data_access: z.enum(['CONTAINS_SQL', 'READS_SQL_DATA', 'NO_SQL']).default('CONTAINS_SQL'),
    comment: z.string().optional(),
  }).passthrough(),
});

/** Volumes (reference §4.5) and functions (§4.6; SQL bodies only, as in the SQL engine). */
export function volumeFunctionRoutes(uc: UnityCatalog): RestRoute[] {
  const volumeOf = (full: string): VolumeRef => {
    const [c, s, v] = uc.resolve.parts(full, 3);
    return uc.resolve.volume(c!, s!, v!);
  };
  const functionOf = (full: string): FunctionRef => {
    const [c, s, f] = uc.resolve.parts(full, 3);
    return uc.resolve.function(c!, s!, f!);
  };
  return [
    route(uc, 'GET', `${BASE}/volumes`, 'listVolumes', (req, ctx) => {
      const schema = uc.resolve.schema(requiredQuery(req, 'catalog_name'), requiredQuery(req, 'schema_name'));
      requireVisible(ctx, schema, boolQuery(req, 'include_browse'));
      const all = uc.store.volumes.childrenOf(schema.schema.id).toSorted((a, b) => a.name.localeCompare(b.name));
      const page = paginate(all, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `volumes:${schema.schema.id}`, (v) => visibility(ctx, { ...schema, kind: 'VOLUME', volume: v }) === 'full');
      return json(pageBody('volumes', { ...page, items: page.items.map((v) => volumeInfo(uc, schema.catalog, schema.schema, v)) }));
    }),
    route(uc, 'POST', `${BASE}/volumes`, 'createVolume', (req, ctx) => {
      const b = bodyOf(req, NewVolume);
      createVolume(ctx, { catalog: b.catalog_name, schema: b.schema_name, name: b.name, volumeType: b.volume_type, storageLocation: b.storage_location ?? null, comment: b.comment ?? null });
      const ref = uc.resolve.volume(b.catalog_name, b.schema_name, b.name);
      return json(volumeInfo(uc, ref.catalog, ref.schema, ref.volume));
    }),
    route(uc, 'GET', `${BASE}/volumes/:full_name`, 'getVolume', (req, ctx) => {
      const ref = volumeOf(req.params.full_name!);
      requireVisible(ctx, ref, false);
      return json(volumeInfo(uc, ref.catalog, ref.schema, ref.volume));
    }),
    route(uc, 'PATCH', `${BASE}/volumes/:full_name`, 'updateVolume', (req, ctx) => {
      const b = bodyOf(req, z.object({ owner: z.string().optional(), comment: z.string().optional(), new_name: z.string().optional() }).passthrough());
      const ref = updateSecurable(ctx, volumeOf(req.params.full_name!), { owner: b.owner, comment: b.comment, newName: b.new_name }) as VolumeRef;
      return json(volumeInfo(uc, ref.catalog, ref.schema, ref.volume));
    }),
    route(uc, 'DELETE', `${BASE}/volumes/:full_name`, 'deleteVolume', (req, ctx) => {
      const [c, s, v] = uc.resolve.parts(req.params.full_name!, 3);
      dropVolume(ctx, [c!, s!, v!], {});
      return json({});
    }),
    route(uc, 'GET', `${BASE}/functions`, 'listFunctions', (req, ctx) => {
      const schema = uc.resolve.schema(requiredQuery(req, 'catalog_name'), requiredQuery(req, 'schema_name'));
      requireVisible(ctx, schema, boolQuery(req, 'include_browse'));
      const all = uc.store.functions.childrenOf(schema.schema.id).toSorted((a, b) => a.name.localeCompare(b.name));
      // Non-admins see only functions they own or may EXECUTE (reference §4.6).
      const page = paginate(all, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `functions:${schema.schema.id}`, (f) => visibility(ctx, { ...schema, kind: 'FUNCTION', fn: f }) === 'full');
      return json(pageBody('functions', { ...page, items: page.items.map((f) => functionInfo(uc, schema.catalog, schema.schema, f)) }));
    }),
    route(uc, 'POST', `${BASE}/functions`, 'createFunction', (req, ctx) => {
      const f = bodyOf(req, NewFunction).function_info;
      const returnsTable = /^table\b/i.test(f.full_data_type);
      createFunction(ctx, {
        catalog: f.catalog_name, schema: f.schema_name, name: f.name,
        params: (f.input_params?.parameters ?? []).map((p) => ({ name: p.name, typeText: normalizeTypeText(p.type_text), comment: p.comment ?? null, defaultSql: p.parameter_default ?? null })),
        returnType: returnsTable ? null : normalizeTypeText(f.full_data_type),
        returnColumns: returnsTable ? [] : null,
        body: f.routine_definition, deterministic: f.is_deterministic, sqlDataAccess: f.sql_data_access, comment: f.comment ?? null,
      });
      const ref = uc.resolve.function(f.catalog_name, f.schema_name, f.name);
      return json(functionInfo(uc, ref.catalog, ref.schema, ref.fn));
    }),
    route(uc, 'GET', `${BASE}/functions/:full_name`, 'getFunction', (req, ctx) => {
      const ref = functionOf(req.params.full_name!);
      requireVisible(ctx, ref, false);
      return json(functionInfo(uc, ref.catalog, ref.schema, ref.fn));
    }),
    route(uc, 'PATCH', `${BASE}/functions/:full_name`, 'updateFunction', (req, ctx) => {
      const b = bodyOf(req, z.object({ owner: z.string().min(1) }).passthrough());
      const ref = updateSecurable(ctx, functionOf(req.params.full_name!), { owner: b.owner }) as FunctionRef;
      return json(functionInfo(uc, ref.catalog, ref.schema, ref.fn));
    }),
    route(uc, 'DELETE', `${BASE}/functions/:full_name`, 'deleteFunction', (req, ctx) => {
      const [c, s, f] = uc.resolve.parts(req.params.full_name!, 3);
      dropFunction(ctx, [c!, s!, f!], {});
      return json({});
    }),
  ];
}
