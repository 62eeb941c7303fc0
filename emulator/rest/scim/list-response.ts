import type { RestResponse } from '../../contracts';
import { scimError } from '../../http/errors';
import { FilterError, parseFilter, type Resource } from './filter';
import { project } from './projection';

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
// Databricks' SDKs page with count=10000 (unity-catalog-scim-rest.md §5.3); the sandbox caps a page there too.
const MAX_COUNT = 10_000;

function nonNegativeInt(query: URLSearchParams, name: string): number | undefined | 'bad' {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/u.test(raw.trim())) return 'bad';
  return Number(raw);
}

function sortValue(resource: Resource, attr: string): string {
  let value: unknown = resource;
  for (const part of attr.split('.')) {
    if (!value || typeof value !== 'object') return '';
    const key = Object.keys(value).find((k) => k.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : '';
}

/**
 * A SCIM list response (RFC 7644 §3.4.2, Databricks shape in unity-catalog-scim-rest.md §5.2-5.3): `filter`,
 * `sortBy`/`sortOrder`, 1-based `startIndex` (below 1 means 1), `count` (0 returns only totalResults; negative
 * means 0), `attributes`/`excludedAttributes`; `totalResults` counts every match, `itemsPerPage` this page.
 */
export function listResponse(all: readonly Resource[], query: URLSearchParams, maxCount: number = MAX_COUNT): RestResponse {
  const startIndexParam = nonNegativeInt(query, 'startIndex');
  const countParam = nonNegativeInt(query, 'count');
  if (startIndexParam === 'bad' || countParam === 'bad') return scimError(400, 'startIndex and count must be integers', 'invalidValue');
  let matches: Resource[];
  try {
    const predicate = parseFilter(query.get('filter') ?? '');
    matches = all.filter(predicate);
  } catch (error) {
    return scimError(400, error instanceof FilterError ? error.message : 'Invalid filter', 'invalidFilter');
  }
  const sortBy = query.get('sortBy');
  if (sortBy) {
    const direction = query.get('sortOrder')?.toLowerCase() === 'descending' ? -1 : 1;
    matches = [...matches].sort((a, b) => direction * sortValue(a, sortBy).localeCompare(sortValue(b, sortBy)));
  }
  const startIndex = Math.max(1, startIndexParam ?? 1);
  const count = Math.min(maxCount, Math.max(0, countParam ?? maxCount));
  const page = matches.slice(startIndex - 1, startIndex - 1 + count).map((r) => project(r, query));
  return {
    status: 200,
    body: { schemas: [LIST_RESPONSE_SCHEMA], totalResults: matches.length, startIndex, itemsPerPage: page.length, Resources: page },
  };
}
