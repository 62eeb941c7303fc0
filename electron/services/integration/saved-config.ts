import type { IntegrationConfig } from '../../../shared/integration/config';
import { workspaceHost } from '../../../shared/integration/workspace-host';
import { fail } from '../../../shared/result';
import type { WorkspaceConnection, WorkspaceInfo } from '../connection/types';
import { withGovernedSchemas } from './governed-schemas';
import type { IntegrationDeps } from './integration-deps';

/** The saved config, or a plain refusal: every workspace-side action and every export works from saved settings. */
export async function savedConfig(deps: IntegrationDeps): Promise<IntegrationConfig> {
  const r = await deps.store.read();
  if (r.settings === null) return fail('BAD_REQUEST', 'The integration is not configured yet.', 'Fill in and save the integration settings first.');
  return r.settings.config;
}

/**
 * Settings describe one workspace; the session may be signed in to another (re-authenticated elsewhere, a CLI
 * profile for the wrong host). Nothing is validated, planned or run on a workspace the config does not name.
 */
export function assertConfigFor(config: IntegrationConfig, workspace: WorkspaceInfo): void {
  const wanted = workspaceHost(config.workspaceUrl);
  if (wanted !== workspace.host.toLowerCase()) {
    fail('BAD_REQUEST', `The integration settings are for ${wanted}, but you are signed in to ${workspace.host}.`, 'Sign in to the workspace in the settings, or change the settings\u2019 workspace URL.');
  }
}

/** The saved config and the connection it is for, checked against each other. */
export async function configForConnection(deps: IntegrationDeps): Promise<{ config: IntegrationConfig; connection: WorkspaceConnection }> {
  const config = await savedConfig(deps);
  const connection = deps.connections.requireConnection();
  assertConfigFor(config, connection.workspace);
  return { config, connection };
}

/**
 * As configForConnection, with the governed catalogs' schema lists read from the workspace (`refresh` before a
 * plan, so an Update grants MANAGE on schemas created since; `missing` before validation, which reports new
 * schemas instead) and kept in the saved settings, so the offline export has them too. The status is left alone:
 * the lists follow the workspace, they are not a change of settings.
 */
export async function configWithSchemas(deps: IntegrationDeps, mode: 'missing' | 'refresh', signal?: AbortSignal): Promise<{ config: IntegrationConfig; connection: WorkspaceConnection }> {
  const { config: saved, connection } = await configForConnection(deps);
  const config = await withGovernedSchemas(saved, connection.rest, mode, signal ?? connection.signal);
  if (JSON.stringify(config.governedSchemas) !== JSON.stringify(saved.governedSchemas)) {
    await deps.store.update((r) => (r.settings === null ? r : { ...r, settings: { ...r.settings, config: { ...r.settings.config, governedSchemas: config.governedSchemas } } }));
  }
  return { config, connection };
}
