import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { assetHeaders } from '../renderer-assets/asset-headers';
import { resolveAsset } from '../renderer-assets/resolve-asset';
import { handleLogin, refuseWithoutSession } from './access-pages';
import { LOGIN_PATH, type HarnessAccess } from './harness-access';
import { injectHarnessSecret } from './inject-secret';

export interface StaticHandlerOptions {
  readonly rendererDir: string;
  readonly secret: string;
  /** The one-time login and the session cookie every other request needs (harness-access.ts). */
  readonly access: HarnessAccess;
  /** `127.0.0.1:<port>`: any other Host header is refused, which defeats DNS rebinding. */
  readonly host: string;
}

const NOT_BUILT = 'The renderer is not built yet: run `npx vite build` (or `npm run dev:browser`).';

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Serves the built renderer read-only, with the app's security headers and the secret in index.html — to the
 * browser holding the session cookie only; `/login` is the one path answered without it.
 */
export function createStaticHandler(options: StaticHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== options.host) return plain(res, 421, 'Wrong host.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed.');
    }
    const url = new URL(req.url ?? '/', `http://${options.host}`);
    if (url.pathname === LOGIN_PATH) return handleLogin(req, res, url, options.access);
    if (!options.access.admits(req.headers.cookie)) return refuseWithoutSession(res);
    const { pathname } = url;
    const file = resolveAsset(options.rendererDir, pathname);
    if (!file) return plain(res, 404, 'Not found.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (e) {
      const missingIndex = basename(file) === 'index.html' && (e as NodeJS.ErrnoException).code === 'ENOENT';
      if (missingIndex) return plain(res, 503, NOT_BUILT);
      return plain(res, 404, 'Not found.');
    }
    if (basename(file) === 'index.html') body = Buffer.from(injectHarnessSecret(body.toString('utf8'), options.secret));
    res.writeHead(200, { ...assetHeaders(file), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
