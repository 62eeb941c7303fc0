import type { ServerResponse } from 'node:http';
import type { RestResponse } from '../contracts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a REST response: JSON unless a raw body is given, nothing for 204 and HEAD. */
export function sendRest(res: ServerResponse, r: RestResponse, method = 'GET'): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = { ...r.headers };
  let payload: Buffer | undefined;
  if (r.raw !== undefined) {
    payload = r.raw;
    headers['Content-Type'] ??= 'application/octet-stream';
  } else if (r.body !== undefined && r.status !== 204) {
    payload = Buffer.from(JSON.stringify(r.body), 'utf8');
    headers['Content-Type'] = JSON_TYPE;
  }
  if (payload !== undefined) headers['Content-Length'] ??= String(payload.length);
  res.writeHead(r.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Readonly<Record<string, string>>): void {
  sendRest(res, { status, body, ...(headers ? { headers } : {}) });
}
