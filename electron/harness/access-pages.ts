import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HarnessAccess } from './harness-access';

/** Small pages with nothing in them worth stealing, no script, never cached, never framed, never sent on as Referer. */
function page(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${extra.refresh ? `<meta http-equiv="refresh" content="0; url=/">` : ''}<title>ucbridge</title></head><body><p>${body}</p></body></html>`;
  const { refresh: _refresh, ...headers } = extra;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(html);
}

const START_AGAIN = 'Open the address printed in the terminal where ucbridge was started (<code>npm start</code> or <code>npm run dev:browser</code>); each address works once, so start ucbridge again for a new one.';

/** Every page, asset and the socket need the session; without it the answer says how to get one, and nothing else. */
export function refuseWithoutSession(res: ServerResponse): void {
  page(res, 401, `This ucbridge window is private to the person who started it. ${START_AGAIN}`);
}

/**
 * `GET /login?token=…`: spends the token, sets the session cookie, and moves on to `/` — by a meta refresh rather
 * than a 303, because the next request must come from this page: a browser opened on a local file (npm start) would
 * not send a SameSite=Strict cookie on a redirect that started from that file.
 */
export function handleLogin(req: IncomingMessage, res: ServerResponse, url: URL, access: HarnessAccess): void {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return page(res, 405, 'Method not allowed.');
  }
  const token = url.searchParams.get('token') ?? '';
  const result = token.length > 0 && token.length <= 100 ? access.exchange(token) : { ok: false as const, reason: 'unknown' as const };
  if (result.ok) return page(res, 200, 'Opening ucbridge… <a href="/">Continue</a>', { refresh: '1', 'Set-Cookie': access.setCookie(result.session) });
  // This browser already holds a session (the link was reloaded): just go on.
  if (access.admits(req.headers.cookie)) return page(res, 200, 'Opening ucbridge… <a href="/">Continue</a>', { refresh: '1' });
  return page(res, 403, result.reason === 'used' ? `This one-time address was already used. ${START_AGAIN}` : `This is not a current ucbridge address. ${START_AGAIN}`);
}
