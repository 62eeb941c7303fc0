import { z } from 'zod';
import { AppFailure } from '../../../../shared/result';
import type { RestClient } from '../../connection/types';

/** The Unity Catalog REST reads validation needs (reference unity-catalog-scim-rest.md §4.1, §4.2, §4.7–4.9, §3.4). */
const UC = '/api/2.1/unity-catalog';
const seg = encodeURIComponent;

const CatalogSchema = z.object({ name: z.string(), owner: z.string().optional(), isolation_mode: z.string().optional(), catalog_type: z.string().optional() });
export type CatalogInfo = z.output<typeof CatalogSchema>;

/** Undefined when the catalog does not exist (or is not visible to the caller, which Databricks reports the same way). */
export async function getCatalog(rest: RestClient, name: string, signal?: AbortSignal): Promise<CatalogInfo | undefined> {
  try {
    return await rest.request({ method: 'GET', path: `${UC}/catalogs/${seg(name)}`, schema: CatalogSchema, what: `Reading catalog ${name}`, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (e instanceof AppFailure && e.error.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

const TagsSchema = z.object({ tag_assignments: z.array(z.object({ tag_key: z.string(), tag_value: z.string().optional() })).default([]) });

export async function catalogTags(rest: RestClient, name: string, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const res = await rest.request({ method: 'GET', path: `${UC}/entity-tag-assignments/catalogs/${seg(name)}/tags`, schema: TagsSchema, what: `Reading the tags of catalog ${name}`, ...(signal ? { signal } : {}) });
  return new Map(res.tag_assignments.map((t) => [t.tag_key, t.tag_value ?? '']));
}

const SchemasSchema = z.object({ schemas: z.array(z.object({ name: z.string() })).default([]) });

/** Schema names of a catalog, without the two every catalog has (`information_schema`, `default`). */
export async function userSchemas(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<string[]> {
  const res = await rest.request({ method: 'GET', path: `${UC}/schemas`, query: { catalog_name: catalog, max_results: 50 }, schema: SchemasSchema, what: `Listing the schemas of ${catalog}`, ...(signal ? { signal } : {}) });
  return res.schemas.map((s) => s.name).filter((n) => n !== 'information_schema' && n !== 'default');
}

const EffectiveSchema = z.object({
  privilege_assignments: z.array(z.object({ principal: z.string(), privileges: z.array(z.object({ privilege: z.string() })).default([]) })).default([]),
});

/** Privileges `principal` holds on the securable, its groups' and inherited ones included (REST names: `USE_CATALOG`). */
export async function effectivePrivileges(rest: RestClient, type: 'metastore' | 'catalog', fullName: string, principal: string, signal?: AbortSignal): Promise<ReadonlySet<string>> {
  const res = await rest.request({
    method: 'GET',
    path: `${UC}/effective-permissions/${type}/${seg(fullName)}`,
    query: { principal },
    schema: EffectiveSchema,
    what: `Reading your privileges on ${type === 'metastore' ? 'the metastore' : `catalog ${fullName}`}`,
    ...(signal ? { signal } : {}),
  });
  return new Set(res.privilege_assignments.flatMap((a) => a.privileges.map((p) => p.privilege.toUpperCase().replaceAll(' ', '_'))));
}

const SummarySchema = z.object({ metastore_id: z.string(), owner: z.string().optional(), name: z.string().optional() });
export type MetastoreSummary = z.output<typeof SummarySchema>;

export const metastoreSummary = (rest: RestClient, signal?: AbortSignal): Promise<MetastoreSummary> =>
  rest.request({ method: 'GET', path: `${UC}/metastore_summary`, schema: SummarySchema, what: 'Reading the metastore', ...(signal ? { signal } : {}) });

const SystemSchemasSchema = z.object({ schemas: z.array(z.object({ schema: z.string(), state: z.string() })).default([]) });

export async function systemSchemaStates(rest: RestClient, metastoreId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const res = await rest.request({ method: 'GET', path: `${UC}/metastores/${seg(metastoreId)}/systemschemas`, schema: SystemSchemasSchema, what: 'Reading which system schemas are enabled', ...(signal ? { signal } : {}) });
  return new Map(res.schemas.map((s) => [s.schema, s.state]));
}

/** `ENABLE_COMPLETED` is on; `MANAGED` means Databricks keeps it on (reference §3.4). */
export const systemSchemaEnabled = (state: string | undefined): boolean => state === 'ENABLE_COMPLETED' || state === 'MANAGED';

export async function enableSystemSchema(rest: RestClient, metastoreId: string, schema: string, signal?: AbortSignal): Promise<void> {
  await rest.request({ method: 'PUT', path: `${UC}/metastores/${seg(metastoreId)}/systemschemas/${seg(schema)}`, body: {}, schema: z.unknown(), what: `Enabling system schema ${schema}`, ...(signal ? { signal } : {}) });
}

const BindingsSchema = z.object({ bindings: z.array(z.object({ workspace_id: z.union([z.number(), z.string()]) })).default([]) });

export async function catalogBindings(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<string[]> {
  const res = await rest.request({ method: 'GET', path: `${UC}/bindings/catalog/${seg(catalog)}`, schema: BindingsSchema, what: `Reading the workspace bindings of ${catalog}`, ...(signal ? { signal } : {}) });
  return res.bindings.map((b) => String(b.workspace_id));
}
