import { z } from 'zod';
import { warehouseIdOf } from '../../../../shared/integration/config';
import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { findServicePrincipal } from '../service-principals';
import { canUseSteps, mayManageWarehouse, readWarehouseAcl, useGrantOf } from '../warehouse-permissions';
import { stepsFix, test, type ValidationContext } from './validation-context';

const ID = 'warehouse-access';
const NAME = 'Service principal can use the warehouse';

// SCIM lists a principal's direct groups; a group granted on the warehouse counts for its members.
const GroupsSchema = z.object({ groups: z.array(z.object({ display: z.string().optional() })).default([]) });

/** The governance product runs SQL as the service principal on this warehouse, which takes CAN_USE on it. */
export async function checkWarehouseAccess(ctx: ValidationContext): Promise<ValidationTest> {
  const { rest } = ctx.connection;
  const warehouseId = warehouseIdOf(ctx.config.httpPath);
  if (warehouseId === undefined) {
    return test(ID, NAME, 'warning', `${ctx.config.httpPath} is not a SQL warehouse\u2019s path, so who may use it cannot be read.`, stepsFix('Pick the warehouse from the list, so the HTTP path is /sql/1.0/warehouses/<id>.'));
  }
  const applicationId = ctx.config.servicePrincipal.applicationId;
  const sp = await findServicePrincipal(rest, applicationId, ctx.signal);
  if (!sp) return test(ID, NAME, 'skipped', 'Needs an existing service principal first.');
  const [acl, scim] = await Promise.all([
    readWarehouseAcl(rest, warehouseId, ctx.signal),
    rest.request({ method: 'GET', path: `/api/2.0/preview/scim/v2/ServicePrincipals/${encodeURIComponent(sp.id)}`, schema: GroupsSchema, what: 'Reading the service principal\u2019s groups', signal: ctx.signal }),
  ]);
  const principal = `${sp.displayName} (${applicationId})`;
  const grant = useGrantOf(acl, applicationId, scim.groups.flatMap((g) => (g.display ? [g.display] : [])));
  if (grant) return test(ID, NAME, 'passed', `${principal} has ${grant.level} on SQL warehouse ${warehouseId}, ${grant.via}.`);
  // Something the set-up itself fixes is no reason to stop it: a warning, saying who grants it and when.
  const identity = ctx.connection.identity;
  if (mayManageWarehouse(acl, [identity.userName, ...identity.groups])) {
    return test(
      ID,
      NAME,
      'warning',
      `Granted by the set-up: ${principal} has no permission on SQL warehouse ${warehouseId} yet; ucbridge gives it CAN_USE when the settings are saved with this warehouse chosen (the CLI: at apply), which you may do as a workspace admin or CAN MANAGE holder.`,
      stepsFix(...canUseSteps(warehouseId, principal)),
    );
  }
  return test(
    ID,
    NAME,
    'failed',
    `${principal} has no permission on SQL warehouse ${warehouseId}, so the governance product could not run SQL as it. ucbridge grants it when the settings are saved with this warehouse chosen (the CLI: at apply), if you are a workspace admin or hold CAN MANAGE on the warehouse.`,
    stepsFix(...canUseSteps(warehouseId, principal)),
  );
}
