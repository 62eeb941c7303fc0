import type { RestResponse } from '../../contracts';
import { scimError } from '../../http/errors';
import { IdentityError } from '../../identity';
import { PatchError } from './patch';

/** A request body that is not a valid resource. */
export class ScimInputError extends Error {}

/** Known failures as SCIM errors (RFC 7644 §3.12 scimTypes); anything else is rethrown for the gateway's 500. */
export function toScimError(error: unknown): RestResponse {
  if (error instanceof IdentityError) {
    switch (error.kind) {
      case 'conflict':
        return scimError(409, error.message, 'uniqueness');
      case 'not-found':
        return scimError(404, error.message);
      case 'invalid':
        return scimError(400, error.message, 'invalidValue');
    }
  }
  if (error instanceof PatchError) return scimError(400, error.message, error.scimType);
  if (error instanceof ScimInputError) return scimError(400, error.message, 'invalidValue');
  throw error;
}

export const optionalString = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ScimInputError(`${field} must be a string`);
  return value;
};

export const requiredString = (value: unknown, field: string): string => {
  const s = optionalString(value, field);
  if (s === undefined || s.trim() === '') throw new ScimInputError(`${field} is required`);
  return s;
};

/** `active` as a boolean; identity providers also send "true"/"false" strings. */
export const optionalBoolean = (value: unknown, field: string): boolean | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ScimInputError(`${field} must be a boolean`);
};

/** `[{value}]` lists (entitlements, members, groups) → their values. */
export const valueList = (value: unknown, field: string): string[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ScimInputError(`${field} must be an array`);
  return value.map((item) => {
    const v = item && typeof item === 'object' ? (item as { value?: unknown }).value : undefined;
    if (typeof v !== 'string' || v === '') throw new ScimInputError(`each ${field} entry needs a string value`);
    return v;
  });
};

export const asObject = (body: unknown): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ScimInputError('The request body must be a JSON object');
  return body as Record<string, unknown>;
};
