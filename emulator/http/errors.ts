import type { RestResponse } from '../contracts';

/**
 * Databricks' REST error envelope `{"error_code","message"}` (unity-catalog-scim-rest.md §6.1). Messages never carry
 * a stack, a token or a secret.
 */
export function databricksError(status: number, errorCode: string, message: string, headers?: Readonly<Record<string, string>>): RestResponse {
  return { status, body: { error_code: errorCode, message }, ...(headers ? { headers } : {}) };
}

/** SCIM endpoints' error shape (§6.1): `status` is a string, and the SDK maps it to `SCIM_<status>`. */
export function scimError(status: number, detail: string, scimType?: string): RestResponse {
  return {
    status,
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      detail,
      status: String(status),
      ...(scimType ? { scimType } : {}),
    },
  };
}

// The 401 challenge Databricks sends (databricks-oauth.md §8 item 5).
export const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="DatabricksRealm"' } as const;

export const unauthenticated = (message: string): RestResponse => databricksError(401, 'UNAUTHENTICATED', message, BEARER_CHALLENGE);

export const permissionDenied = (message: string): RestResponse => databricksError(403, 'PERMISSION_DENIED', message);

export const internalError = (): RestResponse => databricksError(500, 'INTERNAL_ERROR', 'The sandbox hit an internal error. The request was not completed.');

/** The wording Databricks uses for an unknown route, path without `/api/2.x` (unity-catalog-scim-rest.md §4.13). */
export function endpointNotFound(method: string, path: string): RestResponse {
  const shown = path.replace(/^\/api\/2\.\d/u, '');
  return databricksError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${method} ${shown}'`);
}
