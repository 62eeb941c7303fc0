import type { Resource } from './filter';

// Always returned, whatever `attributes` says (RFC 7643 §7 "returned: always").
const ALWAYS = new Set(['id', 'schemas']);

const names = (raw: string | null): string[] =>
  (raw ?? '')
    .split(',')
    .map((a) => a.trim().split('.')[0]?.toLowerCase() ?? '')
    .filter(Boolean);

/** `attributes` / `excludedAttributes` (RFC 7644 §3.9) at top-level granularity. */
export function project(resource: Resource, query: URLSearchParams): Resource {
  const include = names(query.get('attributes'));
  const exclude = new Set(names(query.get('excludedAttributes')));
  if (include.length === 0 && exclude.size === 0) return resource;
  const wanted = new Set(include);
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => {
      const k = key.toLowerCase();
      if (ALWAYS.has(k)) return true;
      return include.length > 0 ? wanted.has(k) : !exclude.has(k);
    }),
  );
}
