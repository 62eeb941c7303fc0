import { ucErrors } from '../catalog/errors';
import { NO_PAGING_FAULT, type PagingFault } from '../contracts';

export interface PageRules {
  /** Server page size when `max_results=0` (or absent, for APIs that always paginate). */
  readonly serverPageSize: number;
  /** Smallest accepted positive page size (the permissions APIs refuse 1..149, reference §0.5). */
  readonly minPageSize?: number;
  /** Absent `max_results` returns everything (the list APIs' documented legacy behaviour). */
  readonly unpaginatedByDefault?: boolean;
  readonly sizeParam?: string;
  /** Larger requested pages are cut to this. */
  readonly maxPageSize?: number;
  /** The sandbox's paging faults (`--faults pageSize=N,emptyPages=1`); none by default. */
  readonly fault?: PagingFault;
}

export interface PageOf<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string | undefined;
}

/** `e` marks a token handed out with an injected empty page: the next request gets the real page at `o`. */
const encode = (offset: number, fingerprint: string, emptyServed = false): string =>
  Buffer.from(JSON.stringify(emptyServed ? { o: offset, f: fingerprint, e: 1 } : { o: offset, f: fingerprint })).toString('base64url');

/**
 * Unity Catalog pagination (reference §0.5, S-PY CatalogsAPI.list / GrantsAPI.get): `max_results=0` means the
 * server's page size, a negative value is INVALID_PARAMETER_VALUE, and a page is cut from the full ordered list
 * *before* filtering out what the caller may not see — so a page can be empty and still carry a
 * `next_page_token`, exactly the case clients must handle by continuing until the token is absent. The list pages
 * say so: "a page may contain zero results while still providing a next_page_token. Clients must continue reading
 * pages until next_page_token is absent" (https://docs.databricks.com/api/workspace/schemas/list, and the other
 * Unity Catalog list APIs). The paging fault makes pages small and puts an empty page with a token before each.
 */
export function paginate<T>(all: readonly T[], query: URLSearchParams, rules: PageRules, fingerprint: string, visible: (t: T) => boolean = () => true): PageOf<T> {
  const param = rules.sizeParam ?? 'max_results';
  const raw = query.get(param);
  const fault = rules.fault ?? NO_PAGING_FAULT;
  let size: number;
  if (raw === null || raw === '') {
    size = rules.unpaginatedByDefault && fault.pageSize === undefined ? Math.max(all.length, 1) : rules.serverPageSize;
  } else {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw ucErrors.invalidParameter(`${param} must be a non-negative integer, got '${raw}'.`);
    if (n > 0 && rules.minPageSize !== undefined && n < rules.minPageSize) {
      throw ucErrors.invalidParameter(`${param} must be 0 or at least ${rules.minPageSize}, got ${n}.`);
    }
    size = n === 0 ? rules.serverPageSize : Math.min(n, rules.maxPageSize ?? n);
  }
  if (fault.pageSize !== undefined) size = Math.min(size, fault.pageSize);
  let offset = 0;
  let emptyServed = false;
  const token = query.get('page_token');
  if (token) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown; e?: unknown };
      if (typeof parsed.o !== 'number' || parsed.f !== fingerprint || parsed.o < 0) throw new Error('mismatch');
      offset = parsed.o;
      emptyServed = parsed.e === 1;
    } catch {
      throw ucErrors.invalidParameter('Invalid page_token.');
    }
  }
  if (fault.emptyPages && !emptyServed) return { items: [], nextPageToken: encode(offset, fingerprint, true) };
  const end = offset + size;
  const items = all.slice(offset, end).filter(visible);
  return { items, nextPageToken: end < all.length ? encode(end, fingerprint) : undefined };
}

/** `{[key]: items, next_page_token?}` — the token is omitted on the last page. */
export function pageBody<T>(key: string, page: PageOf<T>): Record<string, unknown> {
  return page.nextPageToken === undefined ? { [key]: page.items } : { [key]: page.items, next_page_token: page.nextPageToken };
}
