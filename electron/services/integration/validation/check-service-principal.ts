import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { findServicePrincipal } from '../service-principals';
import { stepsFix, test, type ValidationContext } from './validation-context';

/** The governance product runs as this service principal; grants to an unknown one would fail mid-apply. */
export async function checkServicePrincipal(ctx: ValidationContext): Promise<ValidationTest> {
  const id = ctx.config.servicePrincipal.applicationId;
  const name = 'Service principal exists';
  const sp = await findServicePrincipal(ctx.connection.rest, id, ctx.signal);
  if (!sp) {
    return test('service-principal', name, 'failed', `No service principal with application id ${id} exists in this workspace.`, stepsFix('Pick an existing service principal from the list, or let ucbridge create UCBRIDGE_USER.', 'If it lives in the account only, add it to this workspace (Settings \u2192 Identity and access \u2192 Service principals).'));
  }
  return sp.active
    ? test('service-principal', name, 'passed', `${sp.displayName} (${id}) exists and is active.`)
    : test('service-principal', name, 'warning', `${sp.displayName} (${id}) exists but is deactivated: it cannot sign in.`, stepsFix('Activate it in Settings \u2192 Identity and access \u2192 Service principals.'));
}
