import { warehouseIdOf, type IntegrationConfig } from './config';
import { workspaceHost } from './workspace-host';

/**
 * Every SQL warehouse the governance product runs SQL on: the main workspace's, then each additional workspace's
 * (seed 001: "additionalWorkspaceConnections.HTTPpath: the HTTP path of the compute for the workspace"). The service
 * principal needs CAN_USE on each (SQL warehouse ACLs,
 * https://docs.databricks.com/aws/en/security/auth/access-control/#sql-warehouse-acls), which only the Permissions
 * REST API grants, per workspace: a warehouse belongs to one workspace, and its ACL is read and changed there.
 */
export interface IntegrationWarehouse {
  /** `main`, or the additional workspace's URL as written in the config (the plan's target). */
  readonly target: string;
  readonly workspaceUrl: string;
  readonly httpPath: string;
  /** Undefined when the path names no SQL warehouse (a cluster's path): no warehouse permission applies to it. */
  readonly warehouseId: string | undefined;
}

/** Each warehouse once: an additional workspace on the main one's host with the main path is the same warehouse. */
export function integrationWarehouses(config: IntegrationConfig): IntegrationWarehouse[] {
  const all: IntegrationWarehouse[] = [
    { target: 'main', workspaceUrl: config.workspaceUrl, httpPath: config.httpPath, warehouseId: warehouseIdOf(config.httpPath) },
    ...config.additionalWorkspaceConnections.map((w) => ({ target: w.workspaceUrl, workspaceUrl: w.workspaceUrl, httpPath: w.httpPath, warehouseId: warehouseIdOf(w.httpPath) })),
  ];
  const seen = new Set<string>();
  return all.filter((w) => {
    const key = `${workspaceHost(w.workspaceUrl)} ${w.httpPath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The Permissions API call that gives the service principal CAN_USE (PATCH adds or changes only the entries it lists). */
export function canUseCall(warehouseId: string, applicationId: string): { readonly method: 'PATCH'; readonly path: string; readonly body: { access_control_list: { service_principal_name: string; permission_level: 'CAN_USE' }[] } } {
  return {
    method: 'PATCH',
    path: `/api/2.0/permissions/warehouses/${encodeURIComponent(warehouseId)}`,
    body: { access_control_list: [{ service_principal_name: applicationId, permission_level: 'CAN_USE' }] },
  };
}
