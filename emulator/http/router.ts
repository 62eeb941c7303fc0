import type { RestRoute } from '../contracts';

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: RestRoute; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path' };

interface Compiled {
  readonly route: RestRoute;
  readonly segments: readonly string[];
  readonly wildcard: boolean;
  readonly rank: readonly number[];
}

function compile(route: RestRoute): Compiled {
  const parts = route.pattern.split('/').filter(Boolean);
  const wildcard = parts[parts.length - 1] === '*';
  const segments = wildcard ? parts.slice(0, -1) : parts;
  // Static segments outrank `:name` ones position by position, so `/tables/summaries` wins over `/tables/:name`.
  const rank = segments.map((s) => (s.startsWith(':') ? 1 : 2));
  return { route, segments, wildcard, rank };
}

function compareRank(a: Compiled, b: Compiled): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i += 1) {
    const d = (b.rank[i] ?? 0) - (a.rank[i] ?? 0);
    if (d !== 0) return d;
  }
  return Number(a.wildcard) - Number(b.wildcard);
}

/** Matches `RestRoute` patterns: `:name` captures one segment, a trailing `*` the rest; values are URL-decoded. */
export class Router {
  private readonly compiled: readonly Compiled[];

  constructor(routes: readonly RestRoute[]) {
    this.compiled = routes.map(compile).sort(compareRank);
  }

  match(method: string, rawPath: string): RouteMatch {
    let parts: string[];
    try {
      parts = rawPath.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    } catch {
      return { kind: 'bad-path' };
    }
    for (const c of this.compiled) {
      if (c.route.method !== method) continue;
      const params = matchSegments(c, parts);
      if (params) return { kind: 'found', route: c.route, params };
    }
    return { kind: 'not-found' };
  }
}

function matchSegments(c: Compiled, parts: readonly string[]): Record<string, string> | undefined {
  if (c.wildcard ? parts.length < c.segments.length : parts.length !== c.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < c.segments.length; i += 1) {
    const seg = c.segments[i] as string;
    const part = parts[i] as string;
    if (seg.startsWith(':')) params[seg.slice(1)] = part;
    else if (seg !== part) return undefined;
  }
  if (c.wildcard) params['*'] = parts.slice(c.segments.length).join('/');
  return params;
}
