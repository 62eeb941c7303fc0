import { z } from 'zod';
import type { ServicePrincipalSummary } from '../../../shared/contract/integration';
import type { RestClient } from '../connection/types';

/** Workspace SCIM (reference unity-catalog-scim-rest.md §5.1–5.3): note the capital R of `Resources`. */
const SCIM_BASE = '/api/2.0/preview/scim/v2/ServicePrincipals';
const SP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal';

const ScimSpSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  displayName: z.string().default(''),
  active: z.boolean().default(true),
});
const ListSchema = z.object({ totalResults: z.number().optional(), Resources: z.array(ScimSpSchema).optional() });

const PAGE = 100;
/** A picker, not a directory crawl: past this the user narrows the search. */
const MAX_RESULTS = 1000;

const summary = (s: z.output<typeof ScimSpSchema>): ServicePrincipalSummary => ({ id: s.id, applicationId: s.applicationId.toLowerCase(), displayName: s.displayName, active: s.active });

/** A SCIM filter string literal: `"` and `\` escaped (RFC 7644 §3.4.2.2 uses JSON string rules). */
export const scimString = (s: string): string => JSON.stringify(s);

/** `displayName co "…"` when searching; pages with `startIndex`/`count` and de-duplicates by id, like the SDKs. */
export async function listServicePrincipals(rest: RestClient, options: { readonly search?: string; readonly filter?: string; readonly signal?: AbortSignal } = {}): Promise<ServicePrincipalSummary[]> {
  const search = options.search?.trim();
  const filter = options.filter ?? (search ? `displayName co ${scimString(search)}` : undefined);
  const seen = new Map<string, ServicePrincipalSummary>();
  for (let start = 1; seen.size < MAX_RESULTS; ) {
    const res = await rest.request({
      method: 'GET',
      path: SCIM_BASE,
      query: { startIndex: start, count: PAGE, filter, attributes: 'id,applicationId,displayName,active' },
      schema: ListSchema,
      what: 'Listing service principals',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const page = res.Resources ?? [];
    for (const sp of page) seen.set(sp.id, summary(sp));
    start += page.length;
    if (page.length === 0 || (res.totalResults !== undefined && start > res.totalResults)) break;
  }
  return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function findServicePrincipal(rest: RestClient, applicationId: string, signal?: AbortSignal): Promise<ServicePrincipalSummary | undefined> {
  const found = await listServicePrincipals(rest, { filter: `applicationId eq ${scimString(applicationId)}`, ...(signal ? { signal } : {}) });
  return found.find((s) => s.applicationId === applicationId.toLowerCase());
}

/**
 * Partner Connect's way (§5.5): a workspace service principal with SQL access, so it can use the warehouse the
 * governance product runs on; nothing else is granted here (the plan grants it what it needs in Unity Catalog).
 */
export async function createServicePrincipal(rest: RestClient, displayName: string, signal?: AbortSignal): Promise<ServicePrincipalSummary> {
  const created = await rest.request({
    method: 'POST',
    path: SCIM_BASE,
    body: { schemas: [SP_SCHEMA], displayName, active: true, entitlements: [{ value: 'databricks-sql-access' }] },
    schema: ScimSpSchema,
    what: 'Creating the service principal',
    ...(signal ? { signal } : {}),
  });
  return summary(created);
}

export async function deleteServicePrincipal(rest: RestClient, scimId: string, signal?: AbortSignal): Promise<void> {
  await rest.request({ method: 'DELETE', path: `${SCIM_BASE}/${encodeURIComponent(scimId)}`, schema: z.unknown(), what: 'Deleting the service principal', ...(signal ? { signal } : {}) });
}
