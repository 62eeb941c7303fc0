import type { ExportFile } from '../../../shared/contract/integration';
import { integrationPayload, integrationPayloadObject } from '../../../shared/integration/integration-payload';
import { fail } from '../../../shared/result';
import type { IntegrationDeps } from './integration-deps';
import { readSpSecret } from './sp-secrets';
import { savedConfig } from './saved-config';

export interface PayloadExport {
  readonly file: ExportFile | null;
  readonly savedTo: string | null;
}

/**
 * Seed 001's config object for the governance product. Without the secret it goes back to the window like any
 * export. With it — the one way the client secret ever leaves the vault, "shown once" — main builds the file and
 * saves it where the user picks, readable by the user only (0600); the window learns where, never what.
 */
export async function exportPayload(deps: IntegrationDeps, includeSecret: boolean): Promise<PayloadExport> {
  const config = await savedConfig(deps);
  if (!includeSecret) return { file: integrationPayload(config), savedTo: null };
  const secret = await readSpSecret(deps.vault, config.servicePrincipal.applicationId);
  if (!secret) {
    return fail('NOT_FOUND', 'ucbridge holds no OAuth secret for this service principal.', 'Export without the secret and create one in the account console (Service principals \u2192 Secrets), or let ucbridge create the service principal.');
  }
  const base = integrationPayloadObject(config);
  const withSecret = (o: typeof base.oAuthClientConfig) => ({ ...o, clientSecret: secret.clientSecret });
  const payload = {
    ...base,
    oAuthClientConfig: withSecret(base.oAuthClientConfig),
    additionalWorkspaceConnections: base.additionalWorkspaceConnections.map((w) => ({ ...w, oAuthClientConfig: withSecret(w.oAuthClientConfig) })),
  };
  const savedTo = await deps.fileSaver.save({ suggestedName: 'integration.json', content: `${JSON.stringify(payload, null, 2)}\n`, mode: 0o600 });
  deps.logger.info(savedTo === null ? 'payload export with the secret cancelled' : 'payload exported with the secret to a file the user picked', savedTo === null ? {} : { path: savedTo });
  return { file: null, savedTo };
}
