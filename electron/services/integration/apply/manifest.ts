import { z } from 'zod';
import { AddedGrantsSchema, type AddedGrant } from '../../../../shared/integration/added-grants';
import type { IntegrationConfig } from '../../../../shared/integration/config';
import { STAGING_VOLUME, stagingVolumePath } from '../../../../shared/integration/integration-objects';
import { PRODUCT_VERSION } from '../../../../shared/product';
import type { RestClient } from '../../connection/types';

/**
 * The set-up manifest: what was applied, from which plan, when and by whom, written to the integration's staging
 * volume so that the governance product (and a later ucbridge) can tell how the catalog was set up. It holds the
 * config, which by design has no credential (IntegrationConfigSchema), and nothing else that could be secret.
 */
export interface ManifestInput {
  readonly catalog: string;
  readonly config: IntegrationConfig;
  readonly planHash: string;
  /** Epoch milliseconds. */
  readonly appliedAt: number;
  /** Who applied it: the signed-in identity's user name (an email or an application id). */
  readonly appliedBy: string;
  /** Per grant step, the privileges set-up added (not those held before): what uninstall revokes. */
  readonly addedPrivileges: readonly AddedGrant[];
}

export const ManifestSchema = z.object({
  manifestVersion: z.literal(1),
  product: z.literal('ucbridge'),
  productVersion: z.string(),
  planHash: z.string(),
  appliedAt: z.string(),
  appliedBy: z.string(),
  config: z.record(z.string(), z.unknown()),
  /** Absent in manifests written before ucbridge recorded it: uninstall then falls back to observation, and says so. */
  addedPrivileges: AddedGrantsSchema.optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** `/Volumes/<catalog>/registry/staging/manifest.json`, the path users see and the Files API takes. */
export const manifestVolumePath = (catalog: string): string => `${stagingVolumePath(catalog)}/${MANIFEST_FILE}`;

/**
 * The Files API path, each segment percent-encoded on its own (a catalog name is letters, digits and `_` today;
 * encoding here keeps a `/`, `?` or `..` in any name from ever becoming path structure).
 */
export const manifestApiPath = (catalog: string): string =>
  `/api/2.0/fs/files/${['Volumes', catalog, STAGING_VOLUME.schema, STAGING_VOLUME.name, MANIFEST_FILE].map(encodeURIComponent).join('/')}`;

/**
 * PUTs the manifest (overwrite: a re-apply replaces it) and returns its `/Volumes/…` path. The RestClient sends
 * bodies as JSON, which is exactly the file's content; the Files API stores the bytes as sent.
 */
export async function writeManifest(rest: RestClient, m: ManifestInput, signal?: AbortSignal): Promise<string> {
  const manifest: Manifest = {
    manifestVersion: 1,
    product: 'ucbridge',
    productVersion: PRODUCT_VERSION,
    planHash: m.planHash,
    appliedAt: new Date(m.appliedAt).toISOString(),
    appliedBy: m.appliedBy,
    // Field by field: whatever else an object typed as the config carries at run time stays out of the file.
    config: {
      workspaceUrl: m.config.workspaceUrl,
      httpPath: m.config.httpPath,
      catalog: m.config.catalog,
      // Absent when the metastore has root storage: JSON leaves an undefined field out of the file.
      storageLocation: m.config.storageLocation,
      manageScope: m.config.manageScope,
      audit: { enabled: m.config.audit.enabled },
      servicePrincipal: { applicationId: m.config.servicePrincipal.applicationId },
      governedCatalogs: [...m.config.governedCatalogs],
      additionalWorkspaceConnections: m.config.additionalWorkspaceConnections.map((w) => ({ workspaceUrl: w.workspaceUrl, httpPath: w.httpPath, catalogs: [...w.catalogs] })),
      // With MANAGE per schema, which schemas got it: a later ucbridge reading the manifest can tell what the set-up covered.
      governedSchemas: Object.fromEntries(Object.entries(m.config.governedSchemas).map(([c, schemas]) => [c, [...schemas]])),
    },
    addedPrivileges: m.addedPrivileges.map((g) => ({ stepId: g.stepId, target: g.target, securable: g.securable, name: [...g.name], privileges: [...g.privileges] })),
  };
  await rest.request({
    method: 'PUT',
    path: manifestApiPath(m.catalog),
    query: { overwrite: true },
    // The Files API takes the file as raw bytes (application/octet-stream), not as a JSON request body.
    bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    schema: z.unknown(),
    what: 'Writing the set-up manifest to the staging volume',
    ...(signal ? { signal } : {}),
  });
  return manifestVolumePath(m.catalog);
}

/** The manifest on the staging volume; null when there is none (never applied, or uninstalled). */
export async function readManifest(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<Manifest | null> {
  return rest.request({ method: 'GET', path: manifestApiPath(catalog), schema: ManifestSchema.nullable(), what: 'Reading the set-up manifest', ...(signal ? { signal } : {}) });
}
