import { createHash } from 'node:crypto';
import type { SandboxInfo } from '../contracts';
import { ADMINS_GROUP, type Identities, type SeededCredentials } from '../identity';
import type { WarehouseRegistry } from '../rest/warehouses/registry';

/** The `--json` line and the data part of `startEmulator`'s result (issue 3, "What must work" item 1). */
export interface EmulatorInfo {
  readonly workspaceUrl: string;
  readonly caCertPath: string;
  readonly accountId: string;
  readonly workspaceId: string;
  readonly adminGroup: string;
  readonly warehouses: readonly { readonly id: string; readonly name: string; readonly httpPath: string; readonly state: string }[];
  readonly oauth: { readonly u2mClientId: string; readonly redirectUris: readonly string[] };
  readonly servicePrincipals: SeededCredentials['servicePrincipals'];
  readonly users: SeededCredentials['users'];
}

export const warehouseHttpPath = (id: string): string => `/sql/1.0/warehouses/${id}`;

export function emulatorInfo(
  sandbox: SandboxInfo,
  caCertPath: string,
  warehouses: WarehouseRegistry,
  oauth: EmulatorInfo['oauth'],
  credentials: SeededCredentials,
): EmulatorInfo {
  return {
    workspaceUrl: sandbox.workspaceUrl,
    caCertPath,
    accountId: sandbox.accountId,
    workspaceId: sandbox.workspaceId,
    adminGroup: ADMINS_GROUP,
    warehouses: warehouses.list().map((w) => ({ id: w.id, name: w.name, httpPath: warehouseHttpPath(w.id), state: w.state })),
    oauth,
    servicePrincipals: credentials.servicePrincipals,
    users: credentials.users,
  };
}

/**
 * The metastore is the sandbox's single Unity Catalog metastore; its id is derived from the account id so it is
 * stable across restarts with a data dir. Region string as `current_metastore()` shows it (contracts.ts).
 */
export function sandboxInfo(workspaceUrl: string, identities: Identities): SandboxInfo {
  const hex = createHash('sha256').update(`metastore:${identities.accountId}`).digest('hex');
  const metastoreId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return {
    workspaceUrl,
    workspaceId: identities.workspaceId,
    accountId: identities.accountId,
    metastoreId,
    metastoreRegion: `aws:us-west-2:${metastoreId}`,
  };
}

/** `GET /.well-known/databricks-config` fields the Go SDK reads (databricks-oauth.md §1.1, `config/host_metadata.go`). */
export function hostMetadata(sandbox: SandboxInfo): Record<string, unknown> {
  return {
    oidc_endpoint: `${sandbox.workspaceUrl}/oidc`,
    account_id: sandbox.accountId,
    workspace_id: sandbox.workspaceId,
    cloud: 'aws',
    host_type: 'workspace',
    token_federation_default_oidc_audiences: [sandbox.accountId],
  };
}
