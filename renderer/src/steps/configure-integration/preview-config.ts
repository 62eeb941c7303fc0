import {
  AdditionalWorkspaceSchema,
  IntegrationCatalogSchema,
  IntegrationConfigSchema,
  SecurableNameSchema,
  StorageLocationSchema,
  type IntegrationConfig,
} from '../../../../shared/integration/config';
import { splitNames, type ConfigForm } from './form-state';

/** Stands in for the service principal until one is chosen: the least-privilege rows never show the grantee. */
const NO_PRINCIPAL = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER_CATALOG = 'integration_catalog';

/**
 * The config as far as the form is valid, for the least-privilege table while the user is still typing: invalid
 * or duplicate entries are left out rather than blanking the table, and a missing catalog name gets a placeholder.
 */
export function previewConfig(
  form: ConfigForm,
  workspaceUrl: string,
  /** The schema lists main read from the workspace when the settings were saved (with MANAGE per schema, it goes on each). */
  savedSchemas: Readonly<Record<string, readonly string[]>> = {},
): IntegrationConfig {
  const catalog = IntegrationCatalogSchema.safeParse(form.catalog);
  const catalogName = catalog.success ? catalog.data : PLACEHOLDER_CATALOG;
  const governed = [
    ...new Set(form.governedCatalogs.flatMap((c) => {
      const r = SecurableNameSchema.safeParse(c.trim());
      return r.success && r.data !== catalogName ? [r.data] : [];
    })),
  ];
  const additional = form.additional.flatMap((w) => {
    const r = AdditionalWorkspaceSchema.safeParse({ workspaceUrl: w.workspaceUrl, httpPath: w.httpPath, catalogs: splitNames(w.catalogs) });
    return r.success ? [r.data] : [];
  });
  // Only lists of catalogs the form still governs: the schema refuses lists for anything else.
  const governedNow = new Set([...governed, ...additional.flatMap((w) => w.catalogs)]);
  const governedSchemas = Object.fromEntries(Object.entries(savedSchemas).filter(([c]) => governedNow.has(c)));
  const storage = StorageLocationSchema.safeParse(form.storageLocation);
  return IntegrationConfigSchema.parse({
    ...(storage.success ? { storageLocation: storage.data } : {}),
    manageScope: form.manageScope,
    workspaceUrl: workspaceUrl || 'https://workspace',
    httpPath: '/sql/1.0/warehouses/preview',
    catalog: catalogName,
    audit: { enabled: form.audit },
    servicePrincipal: { applicationId: NO_PRINCIPAL },
    governedCatalogs: governed,
    additionalWorkspaceConnections: additional,
    governedSchemas,
  });
}
