import type { ServicePrincipalSummary } from '../../../shared/contract/integration';
import type { WorkspaceConnection } from '../connection/types';
import type { IntegrationDeps } from './integration-deps';
import { createServicePrincipal, deleteServicePrincipal } from './service-principals';
import { createSpSecret } from './sp-secrets';

export interface CreatedServicePrincipal {
  readonly servicePrincipal: ServicePrincipalSummary;
  readonly secretInVault: boolean;
  /**
   * Where the secret really is. `memory-only` (no OS keychain, or it refused) means it is gone when ucbridge quits,
   * and Databricks never shows a secret again: the UI asks for the payload to be exported now.
   */
  readonly secretStorage: 'keychain' | 'memory-only';
  readonly secretExpiresAt: number | null;
}

/**
 * Partner Connect's `<PARTNER>_USER`, done without leaving anything half made: the service principal, then its OAuth
 * secret straight into the vault; if the secret cannot be made or kept, the new service principal is deleted again.
 * Only the summary comes back — the secret leaves the app solely through `exportPayload({includeSecret:true})`.
 */
export async function createIntegrationServicePrincipal(deps: IntegrationDeps, connection: WorkspaceConnection, displayName: string): Promise<CreatedServicePrincipal> {
  const { rest, signal } = connection;
  const sp = await createServicePrincipal(rest, displayName, signal);
  try {
    const secret = await createSpSecret({ rest, vault: deps.vault }, { scimId: sp.id, applicationId: sp.applicationId }, signal);
    await deps.store.update((r) => ({ ...r, created: [...new Set([...r.created, sp.applicationId])] }));
    deps.logger.info(`service principal created; its secret is in the ${secret.storage === 'keychain' ? 'OS keychain' : 'vault, in memory only'}`, { applicationId: sp.applicationId });
    return { servicePrincipal: sp, secretInVault: true, secretStorage: secret.storage, secretExpiresAt: secret.expiresAt };
  } catch (e) {
    deps.logger.warn('the new service principal got no secret and is being deleted again', { applicationId: sp.applicationId, error: e });
    await deleteServicePrincipal(rest, sp.id).catch((cleanup: unknown) => deps.logger.error('the new service principal could not be deleted', { applicationId: sp.applicationId, error: cleanup }));
    throw e;
  }
}
