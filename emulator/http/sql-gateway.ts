import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ThriftEndpoint } from '../contracts';
import type { WarehouseRegistry } from '../rest/warehouses/registry';
import type { BearerAuthenticator } from './bearer-auth';
import { databricksError, endpointNotFound, internalError, unauthenticated } from './errors';
import type { RequestNote } from './request-note';
import { sendRest } from './send';

// `odbc_params.path` is `/sql/1.0/warehouses/<id>`; the nodejs driver's README uses `/sql/2.0/…`
// (unity-catalog-scim-rest.md §4.11), so both are served.
const SQL_PATH = /^\/sql\/[12]\.0\/warehouses\/([0-9a-f]{1,64})$/u;
const RETRY_AFTER_SECONDS = 2;

/**
 * `POST /sql/1.0/warehouses/<id>`: the Thrift-over-HTTPS endpoint, authenticated like every API, then handed to the
 * Unity Catalog side's ThriftEndpoint, which answers for the warehouse's state (503 while it is not running).
 * A stopped warehouse is started by the first query that reaches it, as Databricks auto-starts warehouses on use;
 * only this side may change warehouse state (WarehouseStates is read-only to the endpoint).
 */
export class SqlGateway {
  constructor(
    private readonly auth: BearerAuthenticator,
    private readonly warehouses: WarehouseRegistry,
    private readonly thrift: ThriftEndpoint | undefined,
    private readonly onInternalError: (error: unknown) => void,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string, note: RequestNote): Promise<void> {
    const method = req.method ?? 'GET';
    const id = SQL_PATH.exec(path)?.[1];
    if (method !== 'POST' || id === undefined) {
      sendRest(res, endpointNotFound(method, path), method);
      return;
    }
    const auth = await this.auth.authenticate(req);
    if (!auth.ok || auth.audience !== 'workspace') {
      sendRest(res, auth.ok ? unauthenticated('Account-level tokens are not valid for SQL warehouses.') : auth.response);
      return;
    }
    note.principal = auth.caller.principal.name;
    const state = this.warehouses.state(id);
    if (state === undefined || state === 'DELETED') {
      sendRest(res, databricksError(404, 'RESOURCE_DOES_NOT_EXIST', `SQL warehouse ${id} does not exist.`));
      return;
    }
    if (state === 'STOPPED') this.warehouses.start(id);
    if (!this.thrift && state !== 'RUNNING') {
      const retry = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
      sendRest(res, databricksError(503, 'TEMPORARILY_UNAVAILABLE', `SQL warehouse ${id} is ${state.toLowerCase()}; retry shortly.`, retry));
      return;
    }
    if (!this.thrift) {
      sendRest(res, databricksError(501, 'NOT_IMPLEMENTED', 'This sandbox was started without a SQL engine.'));
      return;
    }
    try {
      this.thrift.handle(req, res, auth.caller, id);
    } catch (error) {
      this.onInternalError(error);
      sendRest(res, internalError());
    }
  }
}
