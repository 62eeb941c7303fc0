import { AppFailure } from '../result';
import type { IntegrationConfig } from './config';
import type { ObservedState, TargetObservation } from './observed-state';
import { workspaceHost } from './workspace-host';

/**
 * Whose integration catalog is it? ucbridge tags the catalogs it sets up with the workspace host
 * (`ucbridge_integration`); a catalog tagged for another host belongs to another integration, like seed 001's
 * 409 "integration already exists". Validation reports it; uninstall refuses to drop such a catalog.
 */
export type CatalogOwnership =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ours'; readonly owner: string | null }
  | { readonly kind: 'untagged'; readonly owner: string | null }
  | { readonly kind: 'foreign'; readonly host: string; readonly owner: string | null };

export function catalogOwnership(config: IntegrationConfig, main: TargetObservation | undefined): CatalogOwnership {
  const found = main?.catalogs.find((c) => c.name.toLowerCase() === config.catalog.toLowerCase());
  if (!found) return { kind: 'absent' };
  if (found.integrationTag === null) return { kind: 'untagged', owner: found.owner };
  return found.integrationTag === workspaceHost(config.workspaceUrl)
    ? { kind: 'ours', owner: found.owner }
    : { kind: 'foreign', host: found.integrationTag, owner: found.owner };
}

/** Throws CONFLICT when the observed integration catalog belongs to another integration. */
export function assertNotForeign(config: IntegrationConfig, observed: ObservedState | null): void {
  const ownership = catalogOwnership(config, observed?.targets.main);
  if (ownership.kind === 'foreign') {
    throw new AppFailure({
      code: 'CONFLICT',
      message: `Catalog ${config.catalog} belongs to the ucbridge integration of ${ownership.host}, not this one; it will not be dropped.`,
      hint: 'Check the integration catalog name in the settings.',
    });
  }
}

/** Whether a system schema (`access`, `query`) is enabled: it exists in `system` only once enabled (reference §3.4). */
export const systemSchemaEnabled = (main: TargetObservation | undefined, schema: 'access' | 'query'): boolean =>
  main?.schemas.some(([c, s]) => c.toLowerCase() === 'system' && s.toLowerCase() === schema) ?? false;
