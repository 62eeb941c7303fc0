import type { IntegrationConfig } from '../../../shared/integration/config';
import { integrationWarehouses } from '../../../shared/integration/integration-warehouses';
import { workspaceHost } from '../../../shared/integration/workspace-host';
import type { RestClient } from '../connection/types';
import { grantWarehouseUse } from './warehouse-permissions';

/** A warehouse of the integration, and whether the signed-in session can read and change its permissions. */
export interface WarehouseOfIntegration {
  /** `main`, or the additional workspace's URL as written in the config. */
  readonly target: string;
  readonly workspaceUrl: string;
  readonly warehouseId: string;
  /**
   * A warehouse's ACL lives in its workspace (Permissions API, https://docs.databricks.com/api/workspace/warehouses/updatepermissions),
   * and ucbridge holds credentials for the signed-in workspace only: a warehouse of an additional workspace elsewhere
   * is granted on there (setup.sql's header has the call), as its steps run there (plan-service.ts targetSession).
   */
  readonly reachable: boolean;
}

/**
 * Every warehouse the governance product runs SQL on that has an id: the main one (`mainWarehouseId`, the one the
 * settings chose; none chosen: no main entry) and each additional workspace's, each once.
 */
export function warehousesOfIntegration(config: IntegrationConfig, signedInHost: string, mainWarehouseId: string | undefined): WarehouseOfIntegration[] {
  const host = signedInHost.toLowerCase();
  const out: WarehouseOfIntegration[] = [];
  for (const w of integrationWarehouses(config)) {
    const warehouseId = w.target === 'main' ? mainWarehouseId : w.warehouseId;
    if (warehouseId === undefined) continue;
    const reachable = workspaceHost(w.workspaceUrl) === host;
    // The warehouse chosen for the main workspace may also be named by an additional connection to the same host.
    if (reachable && out.some((o) => o.reachable && o.warehouseId === warehouseId)) continue;
    out.push({ target: w.target, workspaceUrl: w.workspaceUrl, warehouseId, reachable });
  }
  return out;
}

export type WarehouseGrantOutcome =
  | { readonly warehouse: WarehouseOfIntegration; readonly outcome: 'already' | 'granted' | 'elsewhere' }
  | { readonly warehouse: WarehouseOfIntegration; readonly outcome: 'refused'; readonly error: unknown };

/**
 * Gives the service principal CAN_USE on every warehouse the session can reach, one at a time (a few at most); a
 * refusal of one does not stop the others. Cancelling stops the whole run.
 */
export async function grantWarehousesUse(
  rest: RestClient,
  warehouses: readonly WarehouseOfIntegration[],
  sp: { readonly applicationId: string; readonly displayName: string },
  signal?: AbortSignal,
): Promise<WarehouseGrantOutcome[]> {
  const outcomes: WarehouseGrantOutcome[] = [];
  for (const warehouse of warehouses) {
    if (!warehouse.reachable) {
      outcomes.push({ warehouse, outcome: 'elsewhere' });
      continue;
    }
    try {
      outcomes.push({ warehouse, outcome: await grantWarehouseUse(rest, { warehouseId: warehouse.warehouseId, ...sp }, signal) });
    } catch (error) {
      if (signal?.aborted) throw error;
      outcomes.push({ warehouse, outcome: 'refused', error });
    }
  }
  return outcomes;
}
