import type { Caller, RestResponse } from '../contracts';
import { databricksError } from '../http/errors';
import type { Identities } from '../identity';

/** Workspace-admin-only operations answer 403 PERMISSION_DENIED for everyone else. */
export function requireAdmin(identities: Identities, caller: Caller, what: string): RestResponse | undefined {
  if (identities.directory.isWorkspaceAdmin(caller.principal.id)) return undefined;
  return databricksError(403, 'PERMISSION_DENIED', `Only workspace admins can ${what}.`);
}

export const invalidParameter = (message: string): RestResponse => databricksError(400, 'INVALID_PARAMETER_VALUE', message);

export const doesNotExist = (message: string): RestResponse => databricksError(404, 'RESOURCE_DOES_NOT_EXIST', message);

export const bodyObject = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
