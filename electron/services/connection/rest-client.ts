import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import type { Logger } from '../../ports';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { httpFailure } from '../http/http-errors';
import type { TokenSource } from '../vault/token-source';
import { isTokenRejection } from './token-rejection';
import type { RestClient, RestRequest } from './types';

/** Every shape of "this token is no good" (401, 403 numeric 403, 400 ExpiredJwtException) means refresh once and try again. */
const tokenRejected = (res: HttpResponse): boolean => isTokenRejection(res.status, res.text);

/** Only paths on this workspace: `/api/...`, never a full URL, `//host` or a dot segment. */
function urlFor(origin: string, path: string, query: RestRequest<z.ZodType>['query']): string {
  if (!path.startsWith('/') || path.startsWith('//') || /(?:^|\/)\.\.?(?:\/|$)/.test(path) || /[\s#?]/.test(path)) {
    throw new AppFailure({ code: 'INTERNAL', message: 'A request path was malformed.' });
  }
  const url = new URL(origin + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

export function createRestClient(deps: { readonly origin: string; readonly http: HttpClient; readonly tokens: TokenSource; readonly logger: Logger }): RestClient {
  const { origin, http, tokens, logger } = deps;
  return {
    async request<S extends z.ZodType>(req: RestRequest<S>): Promise<z.output<S>> {
      const url = urlFor(origin, req.path, req.query);
      const what = req.what ?? `${req.method} ${req.path}`;
      const send = (token: string) =>
        http.send({ method: req.method, url, ...(req.bytes !== undefined ? { bytes: req.bytes } : { json: req.body }), signal: req.signal, timeoutMs: req.timeoutMs, what, headers: { authorization: `Bearer ${token}` } });
      const first = await tokens.accessToken(req.signal);
      let res = await send(first);
      if (tokenRejected(res)) res = await send(await tokens.afterUnauthorized(first, req.signal));
      if (res.status < 200 || res.status > 299) throw httpFailure(res.status, res.text, what);
      let json: unknown = undefined;
      if (res.text.trim() !== '') {
        try {
          json = JSON.parse(res.text);
        } catch {
          throw new AppFailure({ code: 'INTERNAL', message: `${what}: Databricks answered with something other than JSON.` });
        }
      }
      const parsed = req.schema.safeParse(json ?? {});
      if (!parsed.success) {
        logger.error('a Databricks answer did not match its schema', { what, issues: z.prettifyError(parsed.error) });
        throw new AppFailure({ code: 'INTERNAL', message: `${what}: Databricks answered in an unexpected shape.`, hint: 'The details are in the log.' });
      }
      return parsed.data;
    },
  };
}
