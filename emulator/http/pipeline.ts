import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../faults/faults';
import type { OAuthServer } from '../oauth/oauth-server';
import { redactQuery } from '../request-log/redact';
import type { RequestLog } from '../request-log/request-log';
import { databricksError, endpointNotFound, internalError } from './errors';
import type { RequestNote } from './request-note';
import type { RestGateway } from './rest-gateway';
import { sendJson, sendRest } from './send';
import type { SqlGateway } from './sql-gateway';

export interface PipelineParts {
  readonly oauth: OAuthServer;
  readonly rest: RestGateway;
  readonly sql: SqlGateway;
  readonly faults: Faults;
  readonly requestLog: RequestLog;
  /** `GET /.well-known/databricks-config` (databricks-oauth.md §1.1; SDKs tolerate its absence). */
  readonly hostMetadata: () => unknown;
  readonly onInternalError: (error: unknown) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function kindOf(path: string): RequestNote['kind'] {
  if (path.startsWith('/api/')) return 'rest';
  if (path === '/oidc' || path.startsWith('/oidc/')) return 'oauth';
  if (path.startsWith('/sql/')) return 'sql';
  return 'other';
}

/**
 * Every request: logged (on close, with its final status), faults applied to API, token and SQL calls, then routed.
 * Nothing a client sends can crash the process or surface a stack trace.
 */
export function createRequestListener(getParts: () => PipelineParts | undefined): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const parts = getParts();
    if (!parts) {
      sendRest(res, databricksError(503, 'TEMPORARILY_UNAVAILABLE', 'The sandbox is starting or stopping; retry shortly.', { 'Retry-After': '1' }));
      return;
    }
    const started = Date.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    } catch {
      sendRest(res, databricksError(400, 'MALFORMED_REQUEST', 'The request target is not a valid URL.'));
      return;
    }
    const path = url.pathname;
    const note: RequestNote = { kind: kindOf(path) };
    // Recorded on 'finish' (before the client can see the response, so tests can query the log right away), or on
    // 'close' with status 0 when the connection was reset or dropped first.
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      parts.requestLog.record({
        time: new Date(started).toISOString(),
        method: req.method ?? '',
        path,
        query: redactQuery(url.search),
        kind: note.kind,
        ...(note.principal === undefined ? {} : { principal: note.principal }),
        status: res.writableFinished ? res.statusCode : 0,
        userAgent: req.headers['user-agent'] ?? '',
        durationMs: Date.now() - started,
      });
    };
    res.on('finish', record);
    res.on('close', record);
    route(parts, req, res, url, note).catch((error: unknown) => {
      parts.onInternalError(error);
      if (!res.headersSent) sendRest(res, internalError());
      else res.destroy();
    });
  };
}

async function route(p: PipelineParts, req: IncomingMessage, res: ServerResponse, url: URL, note: RequestNote): Promise<void> {
  const path = url.pathname;
  const faultable = note.kind === 'rest' || note.kind === 'sql' || (req.method === 'POST' && p.oauth.isTokenEndpoint(path));
  if (faultable) {
    await p.faults.gate.pass();
    const fault = p.faults.decide();
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const retry = { 'Retry-After': String(fault.retryAfterSeconds) };
    switch (fault.action) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'rate-limit':
        // Databricks' rate-limit answer: 429 REQUEST_LIMIT_EXCEEDED with Retry-After (unity-catalog-scim-rest.md §6.1-6.2).
        sendRest(res, databricksError(429, 'REQUEST_LIMIT_EXCEEDED', 'Too many requests. Please wait and retry.', retry));
        return;
      case 'unavailable':
        sendRest(res, databricksError(503, 'TEMPORARILY_UNAVAILABLE', 'The service is temporarily unavailable. Please retry.', retry));
        return;
      case 'pass':
        break;
    }
  }
  switch (note.kind) {
    case 'oauth':
      await p.oauth.handle(req, res, path, url.search);
      return;
    case 'rest':
      await p.rest.handle(req, res, path, url.searchParams, note);
      return;
    case 'sql':
      await p.sql.handle(req, res, path, note);
      return;
    case 'other':
      if (path === '/.well-known/databricks-config' && req.method === 'GET') sendJson(res, 200, p.hostMetadata());
      else sendRest(res, endpointNotFound(req.method ?? 'GET', path));
      return;
  }
}
