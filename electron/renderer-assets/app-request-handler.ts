import { readFile } from 'node:fs/promises';
import { assetHeaders } from './asset-headers';
import { resolveAsset } from './resolve-asset';

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/**
 * The `app://ucbridge/…` protocol handler's logic, as a plain `Request → Response` function: only the app host,
 * only GET/HEAD, only files inside the built renderer, always with the CSP and the other security headers.
 */
export function createAppRequestHandler(rendererDir: string, appHost: string) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== appHost) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAsset(rendererDir, url.pathname);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: assetHeaders(file) });
    } catch {
      return notFound();
    }
  };
}
