import type { ExportFile } from '../contract/integration';
import type { IntegrationConfig } from './config';
import { workspaceHost } from './workspace-host';

/**
 * Seed 001's config object for the governance product (`POST /integrations` body's `config`): the workspace,
 * warehouse path, integration catalog, audit switch and additional workspace connections, authenticating as the
 * service principal with OAuth M2M. The client secret is deliberately absent: the secret-bearing variant is
 * assembled in main and written only to a file the user picks (contract `exportPayload`).
 */
export interface OAuthClientConfig {
  readonly clientId: string;
  readonly authorityUrl: string;
  readonly scope: 'all-apis';
  readonly useCertificate: false;
}

export interface IntegrationPayload {
  readonly workspaceUrl: string;
  readonly httpPath: string;
  readonly port: 443;
  readonly authenticationType: 'oAuthM2M';
  readonly oAuthClientConfig: OAuthClientConfig;
  readonly catalog: string;
  readonly audit: { readonly enabled: boolean };
  readonly additionalWorkspaceConnections: readonly {
    readonly workspaceUrl: string;
    readonly httpPath: string;
    readonly authenticationType: 'oAuthM2M';
    readonly oAuthClientConfig: OAuthClientConfig;
    readonly catalogs: readonly string[];
  }[];
}

/** Databricks OAuth M2M: the client id is the service principal's application id; tokens from `<host>/oidc/v1/token`. */
const oauth = (config: IntegrationConfig, workspaceUrl: string): OAuthClientConfig => ({
  clientId: config.servicePrincipal.applicationId,
  authorityUrl: `https://${workspaceHost(workspaceUrl)}/oidc/v1/token`,
  scope: 'all-apis',
  useCertificate: false,
});

export function integrationPayloadObject(config: IntegrationConfig): IntegrationPayload {
  return {
    // Seed 001 writes the host without a scheme (`www.example-workspace.cloud.databricks.com`).
    workspaceUrl: workspaceHost(config.workspaceUrl),
    httpPath: config.httpPath,
    port: 443,
    authenticationType: 'oAuthM2M',
    oAuthClientConfig: oauth(config, config.workspaceUrl),
    catalog: config.catalog,
    audit: { enabled: config.audit.enabled },
    additionalWorkspaceConnections: config.additionalWorkspaceConnections.map((w) => ({
      workspaceUrl: workspaceHost(w.workspaceUrl),
      httpPath: w.httpPath,
      authenticationType: 'oAuthM2M',
      oAuthClientConfig: oauth(config, w.workspaceUrl),
      catalogs: [...w.catalogs],
    })),
  };
}

/** `integration.json`: the payload pretty-printed, deterministic, with no secret field. */
export function integrationPayload(config: IntegrationConfig): ExportFile {
  return { name: 'integration.json', content: `${JSON.stringify(integrationPayloadObject(config), null, 2)}\n`, mediaType: 'application/json' };
}
