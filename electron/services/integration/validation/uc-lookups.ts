import { z } from 'zod';
import { AppFailure } from '../../../../shared/result';
import { listAll } from '../../connection/paged-list';
import type { RestClient } from '../../connection/types';

/**
 * The Unity Catalog REST reads validation needs (reference unity-catalog-scim-rest.md §4.1, §4.2, §4.7–4.9, §3.4).
 * Every list goes through listAll (connection/paged-list.ts), which reads every page to the end.
 */
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

const TagSchema = z.object({ tag_key: z.string(), tag_value: z.string().optional() });

export async function catalogTags(rest: RestClient, name: string, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const tags = await listAll(rest, { path: `${UC}/entity-tag-assignments/catalogs/${seg(name)}/tags`, itemsKey: 'tag_assignments', item: TagSchema, what: `Reading the tags of catalog ${name}`, ...(signal ? { signal } : {}) });
  return new Map(tags.map((t) => [t.tag_key, t.tag_value ?? '']));
}

/** Schema names of a catalog, without the two every catalog has (`information_schema`, `default`). */
export async function userSchemas(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<string[]> {
  const schemas = await listAll(rest, { path: `${UC}/schemas`, query: { catalog_name: catalog }, itemsKey: 'schemas', item: z.object({ name: z.string() }), what: `Listing the schemas of ${catalog}`, ...(signal ? { signal } : {}) });
  return schemas.map((s) => s.name).filter((n) => n !== 'information_schema' && n !== 'default');
}

const AssignmentSchema = z.object({ principal: z.string(), privileges: z.array(z.object({ privilege: z.string() })).default([]) });

/** Privileges `principal` holds on the securable, its groups' and inherited ones included (REST names: `USE_CATALOG`). */
export async function effectivePrivileges(rest: RestClient, type: 'metastore' | 'catalog', fullName: string, principal: string, signal?: AbortSignal): Promise<ReadonlySet<string>> {
  const assignments = await listAll(rest, {
    path: `${UC}/effective-permissions/${type}/${seg(fullName)}`,
    query: { principal },
    itemsKey: 'privilege_assignments',
    item: AssignmentSchema,
    what: `Reading your privileges on ${type === 'metastore' ? 'the metastore' : `catalog ${fullName}`}`,
    ...(signal ? { signal } : {}),
  });
  return new Set(assignments.flatMap((a) => a.privileges.map((p) => p.privilege.toUpperCase().replaceAll(' ', '_'))));
}

/** `storage_root` is absent on a metastore without root storage (managed-storage docs; reference §4.1). */
const SummarySchema = z.object({ metastore_id: z.string(), owner: z.string().optional(), name: z.string().optional(), storage_root: z.string().optional() });
export type MetastoreSummary = z.output<typeof SummarySchema>;

export const metastoreSummary = (rest: RestClient, signal?: AbortSignal): Promise<MetastoreSummary> =>
  rest.request({ method: 'GET', path: `${UC}/metastore_summary`, schema: SummarySchema, what: 'Reading the metastore', ...(signal ? { signal } : {}) });

export async function systemSchemaStates(rest: RestClient, metastoreId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const schemas = await listAll(rest, { path: `${UC}/metastores/${seg(metastoreId)}/systemschemas`, itemsKey: 'schemas', item: z.object({ schema: z.string(), state: z.string() }), what: 'Reading which system schemas are enabled', ...(signal ? { signal } : {}) });
  return new Map(schemas.map((s) => [s.schema, s.state]));
}

/** `ENABLE_COMPLETED` is on; `MANAGED` means Databricks keeps it on (reference §3.4). */
export const systemSchemaEnabled = (state: string | undefined): boolean => state === 'ENABLE_COMPLETED' || state === 'MANAGED';

export async function enableSystemSchema(rest: RestClient, metastoreId: string, schema: string, signal?: AbortSignal): Promise<void> {
  await rest.request({ method: 'PUT', path: `${UC}/metastores/${seg(metastoreId)}/systemschemas/${seg(schema)}`, body: {}, schema: z.unknown(), what: `Enabling system schema ${schema}`, ...(signal ? { signal } : {}) });
}

export async function catalogBindings(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<string[]> {
  const bindings = await listAll(rest, { path: `${UC}/bindings/catalog/${seg(catalog)}`, itemsKey: 'bindings', item: z.object({ workspace_id: z.union([z.number(), z.string()]) }), what: `Reading the workspace bindings of ${catalog}`, ...(signal ? { signal } : {}) });
  return bindings.map((b) => String(b.workspace_id));
}
