import { z } from 'zod';
import type { RestRequest, RestResponse, RestRoute } from '../contracts';
import { UcError, ucErrors } from '../catalog/errors';
import type { OpContext } from '../catalog/ops/context';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { fromDuckError } from '../sql/engine/duck-errors';

/** Databricks' REST error body (reference §6.1): `{error_code, message, details?}`. */
export const restError = (status: number, code: string, message: string): RestResponse => ({
  status,
  body: { error_code: code, message, details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: code, domain: 'unity-catalog.databricks.com' }] },
});

export const json = (body: unknown, status = 200): RestResponse => ({ status, body });

export type Handler = (req: RestRequest, ctx: OpContext) => Promise<RestResponse> | RestResponse;

/**
 * A Unity Catalog route: the caller becomes the operation's subject, UcErrors become `{error_code, message}` with
 * their HTTP status, and a validation failure is INVALID_PARAMETER_VALUE — never a stack trace.
 */
export function route(uc: UnityCatalog, method: RestRoute['method'], pattern: string, actionName: string, handler: Handler): RestRoute {
  return {
    method,
    pattern,
    audit: { serviceName: 'unityCatalog', actionName },
    async handle(req) {
      try {
        return await handler(req, { uc, subject: uc.subject(req.caller.principal) });
      } catch (error) {
        if (error instanceof z.ZodError) {
          const issue = error.issues[0];
          return restError(400, 'INVALID_PARAMETER_VALUE', `Invalid request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
        }
        const e = error instanceof UcError ? error : fromDuckError(error);
        return restError(e.httpStatus, e.restCode, e.message);
      }
    },
  };
}

/** The JSON body, validated. */
export const bodyOf = <T extends z.ZodType>(req: RestRequest, schema: T): z.infer<T> => schema.parse(req.body ?? {});

/** A required query parameter. */
export function requiredQuery(req: RestRequest, name: string): string {
  const value = req.query.get(name);
  if (value === null || value === '') throw ucErrors.invalidParameter(`Missing required field: ${name}`);
  return value;
}

export const boolQuery = (req: RestRequest, name: string): boolean => req.query.get(name)?.toLowerCase() === 'true';
