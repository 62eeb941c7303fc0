import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller, ThriftEndpoint, WarehouseStates } from '../contracts';
import type { UnityCatalog } from '../catalog/unity-catalog';
import type { ResultFormat } from './operation';
import { dispatch } from './rpc';
import { SessionRegistry } from './sessions';

export interface WarehouseEndpointOptions {
  readonly uc: UnityCatalog;
  readonly warehouses: WarehouseStates;
  /** Result format when the client can read Arrow: `arrow` (a warehouse's default) or `columns`. */
  readonly resultFormat?: ResultFormat;
  /** Seconds a client is told to wait while the warehouse is not running. */
  readonly retryAfterSeconds?: number;
}

export interface WarehouseEndpoint extends ThriftEndpoint {
  /** Closes every open session and operation. */
  close(): void;
}

const MAX_BODY = 64 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string>): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function jsonError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ error_code: code, message }), { 'content-type': 'application/json', ...headers });
}

/**
 * The SQL warehouse's Thrift-over-HTTPS endpoint. While the warehouse is not RUNNING it answers as Databricks
 * does: HTTP 503 with `x-thriftserver-error-message: TEMPORARILY_UNAVAILABLE: …` and Retry-After (JDBC/driver
 * reports: trinodb/trino#29376, databricks-sql-nodejs#116); the driver never retries OpenSession or
 * ExecuteStatement, so the client sees the 503 at once.
 */
export function createWarehouseEndpoint(options: WarehouseEndpointOptions): WarehouseEndpoint {
  const sessions = new SessionRegistry();
  const retryAfter = String(options.retryAfterSeconds ?? 10);
  return {
    handle(req: IncomingMessage, res: ServerResponse, caller: Caller, warehouseId: string): void {
      const state = options.warehouses.state(warehouseId);
      if (state === undefined || state === 'DELETED') {
        jsonError(res, 404, 'RESOURCE_DOES_NOT_EXIST', `SQL warehouse ${warehouseId} does not exist.`);
        return;
      }
      if (state !== 'RUNNING') {
        const message = `TEMPORARILY_UNAVAILABLE: SQL warehouse ${warehouseId} is ${state.toLowerCase()}. Start it and retry.`;
        jsonError(res, 503, 'TEMPORARILY_UNAVAILABLE', message, { 'retry-after': retryAfter, 'x-thriftserver-error-message': message });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      req.on('error', () => res.destroy());
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (size > MAX_BODY) return jsonError(res, 413, 'BAD_REQUEST', 'The request body is too large.');
        if (body.length < 4 || body.readUInt16BE(0) !== 0x8001) {
          // Compare the 16-bit version word: a 32-bit mask comparison is always unequal in JS (reference §3.7).
          return jsonError(res, 400, 'BAD_REQUEST', 'Expected a Thrift TBinaryProtocol message.');
        }
        const ctx = { uc: options.uc, sessions, warehouses: options.warehouses, caller, warehouseId, defaultFormat: options.resultFormat ?? 'arrow' } as const;
        dispatch(ctx, body).then(
          (reply) => send(res, 200, reply, { 'content-type': 'application/x-thrift' }),
          (error: unknown) => jsonError(res, 500, 'INTERNAL_ERROR', error instanceof Error ? error.message : 'Internal error'),
        );
      });
    },
    close(): void {
      sessions.closeAll();
    },
  };
}
