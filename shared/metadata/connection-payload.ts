import type { ExportFile } from '../contract/integration';
import type { IntegrationConfig } from '../integration/config';
import { workspaceHost } from '../integration/workspace-host';
import type { SelectionRules } from './selection-rules';

/**
 * Seed 002's "register a connection" request body (`POST /data/connection`) for the registration ucbridge set up:
 * `connectionKey`, `connection` (the workspace, its warehouse, OAuth M2M as the service principal), `settings.isActive`
 * and `options.forceRecursiveCrawl` from the selection rules, and `nativeIntegration` matching the integration's
 * script (the integration catalog, audit, workspaces). No secret: the client secret stays in ucbridge's vault, and the
 * governance product's admin adds it where the payload says `clientSecret` is required.
 */
export interface ConnectionPayload {
  readonly connectionKey: string;
  readonly connection: {
    readonly technology: 'Databricks';
    readonly hostname: string;
    readonly port: 443;
    readonly httpPath: string;
    readonly authenticationType: 'oAuthM2M';
    readonly oAuthClientConfig: OAuthClientConfig;
  };
  readonly settings: { readonly isActive: boolean };
  readonly options: { readonly forceRecursiveCrawl: boolean };
  readonly nativeIntegration: {
    readonly type: 'Databricks';
    readonly autoBootstrap: false;
    readonly unityCatalog: true;
    readonly config: {
      readonly host: string;
      readonly port: 443;
      readonly authenticationType: 'oAuthM2M';
      readonly oAuthClientConfig: OAuthClientConfig;
      readonly catalog: string;
      readonly audit: { readonly enabled: boolean };
      readonly workspaceIds?: readonly string[];
    };
  };
}

interface OAuthClientConfig {
  readonly useCertificate: false;
  readonly clientId: string;
  readonly scope: 'all-apis';
  readonly authorityUrl: string;
}

/** Seed 002: "A unique name for the connection." — letters, digits, `-` and `_` keep it safe as an object path. */
export const CONNECTION_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function connectionPayload(config: IntegrationConfig, rules: SelectionRules, connectionKey: string, workspaceIds: readonly string[]): ConnectionPayload {
  const host = workspaceHost(config.workspaceUrl);
  // autoBootstrap false: ucbridge's set-up (automatic or the exported script) created the catalog, not the product.
  const oauth: OAuthClientConfig = { useCertificate: false, clientId: config.servicePrincipal.applicationId, scope: 'all-apis', authorityUrl: `https://${host}/oidc/v1/token` };
  return {
    connectionKey,
    connection: { technology: 'Databricks', hostname: host, port: 443, httpPath: config.httpPath, authenticationType: 'oAuthM2M', oAuthClientConfig: oauth },
    settings: { isActive: rules.defaultActive },
    options: { forceRecursiveCrawl: rules.forceRecursiveCrawl },
    nativeIntegration: {
      type: 'Databricks',
      autoBootstrap: false,
      unityCatalog: true,
      config: {
        host, port: 443, authenticationType: 'oAuthM2M', oAuthClientConfig: oauth, catalog: config.catalog, audit: { enabled: config.audit.enabled },
        ...(workspaceIds.length > 0 ? { workspaceIds: [...workspaceIds] } : {}),
      },
    },
  };
}

/** `connection.json`, pretty-printed, deterministic. */
export const connectionPayloadFile = (payload: ConnectionPayload): ExportFile => ({
  name: 'connection.json',
  content: `${JSON.stringify(payload, null, 2)}\n`,
  mediaType: 'application/json',
});
