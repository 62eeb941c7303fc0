import { z } from 'zod';
import type { IntegrationWarehouse } from '../../../../shared/integration/integration-warehouses';
import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { workspaceHost } from '../../../../shared/integration/workspace-host';
import { findServicePrincipal } from '../service-principals';
import { canUseSteps, mayManageWarehouse, readWarehouseAcl, useGrantOf } from '../warehouse-permissions';
import { stepsFix, test, type ValidationContext } from './validation-context';

// SCIM lists a principal's direct groups; a group granted on the warehouse counts for its members.
const GroupsSchema = z.object({ groups: z.array(z.object({ display: z.string().optional() })).default([]) });

/** The main warehouse's test keeps its id; an additional workspace's warehouse has one per workspace. */
export const warehouseAccessTestId = (target: string): string => (target === 'main' ? 'warehouse-access' : `warehouse-access:${target}`);
export const warehouseAccessTestName = (target: string): string => (target === 'main' ? 'Service principal can use the warehouse' : `Service principal can use the warehouse of ${target}`);

/**
 * The governance product runs SQL as the service principal on each warehouse of the integration (the main one and
 * each additional workspace's), which takes CAN_USE on it. A warehouse's permissions are read in its own workspace:
 * one of a workspace ucbridge is not signed in to is a warning with the steps, as the set-up cannot grant there.
 */
export async function checkWarehouseAccess(ctx: ValidationContext, w: Pick<IntegrationWarehouse, 'target' | 'workspaceUrl' | 'httpPath' | 'warehouseId'>): Promise<ValidationTest> {
  const ID = warehouseAccessTestId(w.target);
  const NAME = warehouseAccessTestName(w.target);
  const { rest } = ctx.connection;
  const { warehouseId } = w;
  if (warehouseId === undefined) {
    return test(ID, NAME, 'warning', `${w.httpPath} is not a SQL warehouse\u2019s path, so who may use it cannot be read.`, stepsFix('Pick the warehouse from the list, so the HTTP path is /sql/1.0/warehouses/<id>.'));
  }
  const applicationId = ctx.config.servicePrincipal.applicationId;
  const host = ctx.connection.workspace.host;
  if (w.target !== 'main' && workspaceHost(w.workspaceUrl) !== host.toLowerCase()) {
    return test(
      ID,
      NAME,
      'warning',
      `SQL warehouse ${warehouseId} is in ${w.workspaceUrl}, and ucbridge is signed in to ${host}: it can neither read nor grant who may use it there.`,
      stepsFix(...canUseSteps(warehouseId, applicationId), `Or sign in to ${w.workspaceUrl} and save the settings there, or make the REST call setup.sql\u2019s header lists for that workspace.`),
    );
  }
  const sp = await findServicePrincipal(rest, applicationId, ctx.signal);
  if (!sp) return test(ID, NAME, 'skipped', 'Needs an existing service principal first.');
  const [acl, scim] = await Promise.all([
    readWarehouseAcl(rest, warehouseId, ctx.signal),
    rest.request({ method: 'GET', path: `/api/2.0/preview/scim/v2/ServicePrincipals/${encodeURIComponent(sp.id)}`, schema: GroupsSchema, what: 'Reading the service principal\u2019s groups', signal: ctx.signal }),
  ]);
  const principal = `${sp.displayName} (${applicationId})`;
  const grant = useGrantOf(acl, applicationId, scim.groups.flatMap((g) => (g.display ? [g.display] : [])));
  if (grant) return test(ID, NAME, 'passed', `${principal} has ${grant.level} on SQL warehouse ${warehouseId}, ${grant.via}.`);
  const when = w.target === 'main' ? 'when the settings are saved with this warehouse chosen' : 'when the settings are saved';
  // Something the set-up itself fixes is no reason to stop it: a warning, saying who grants it and when.
  const identity = ctx.connection.identity;
  if (mayManageWarehouse(acl, [identity.userName, ...identity.groups])) {
    return test(
      ID,
      NAME,
      'warning',
      `Granted by the set-up: ${principal} has no permission on SQL warehouse ${warehouseId} yet; ucbridge gives it CAN_USE ${when} (the CLI: at apply), which you may do as a workspace admin or CAN MANAGE holder.`,
      stepsFix(...canUseSteps(warehouseId, principal)),
    );
  }
  return test(
    ID,
    NAME,
    'failed',
    `${principal} has no permission on SQL warehouse ${warehouseId}, so the governance product could not run SQL as it. ucbridge grants it ${when} (the CLI: at apply), if you are a workspace admin or hold CAN MANAGE on the warehouse.`,
    stepsFix(...canUseSteps(warehouseId, principal)),
  );
}
