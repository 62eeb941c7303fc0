import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditSink, RestRequest, RestResponse, RestRoute } from '../contracts';
import { auditParams, toAuditRecord } from './audit-record';
import type { BearerAuthenticator } from './bearer-auth';
import { readBody } from './body';
import { databricksError, endpointNotFound, internalError, scimError, unauthenticated } from './errors';
import type { RequestNote } from './request-note';
import { Router } from './router';
import { sendRest } from './send';

export interface RestGatewayOptions {
  readonly routes: readonly RestRoute[];
  readonly auth: BearerAuthenticator;
  readonly audit: AuditSink | undefined;
  readonly maxJsonBodyBytes: number;
  readonly maxRawBodyBytes: number;
  readonly onInternalError: (error: unknown) => void;
}

const RAW_BODY_PREFIX = '/api/2.0/fs/'; // the Files API takes bytes, not JSON (contracts.ts RestRequest)
// Account APIs live under `/api/2.0/accounts/<account_id>/`; `/api/2.0/accounts/servicePrincipals/…` is the
// workspace-level proxy for SP secrets (databricks-oauth.md §1.2) and takes workspace tokens.
const ACCOUNT_API = /^\/api\/2\.0\/accounts\/(?!servicePrincipals\/)/u;

/** `/api/*`: bearer auth, routing, body limits and JSON parsing, the handler, the audit row, the response. */
export class RestGateway {
  private readonly router: Router;

  constructor(private readonly o: RestGatewayOptions) {
    this.router = new Router(o.routes);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, note: RequestNote): Promise<void> {
    const method = req.method ?? 'GET';
    const response = await this.respond(req, method, path, query, note);
    sendRest(res, response, method);
  }

  private async respond(req: IncomingMessage, method: string, path: string, query: URLSearchParams, note: RequestNote): Promise<RestResponse> {
    const auth = await this.o.auth.authenticate(req);
    if (!auth.ok) return auth.response;
    const { caller } = auth;
    note.principal = caller.principal.name;
    // Account APIs take account-level OAuth tokens only; workspace APIs take workspace tokens and PATs
    // (databricks-oauth.md §1.2).
    if (ACCOUNT_API.test(path) !== (auth.audience === 'account')) {
      return unauthenticated(auth.audience === 'account' ? 'Account-level tokens are not valid for workspace APIs.' : 'This API needs an account-level OAuth token.');
    }
    const isScim = path.includes('/scim/v2/');
    const match = this.router.match(method, path);
    if (match.kind === 'bad-path') return databricksError(400, 'MALFORMED_REQUEST', 'The request path is not valid URL encoding.');
    if (match.kind === 'not-found') return endpointNotFound(method, path);

    const raw = path.startsWith(RAW_BODY_PREFIX);
    const limit = raw ? this.o.maxRawBodyBytes : this.o.maxJsonBodyBytes;
    const read = await readBody(req, limit);
    if (!read.ok) {
      const message = `The request body is larger than ${limit} bytes.`;
      return isScim ? scimError(413, message) : databricksError(413, 'INVALID_PARAMETER_VALUE', message, { Connection: 'close' });
    }
    let body: unknown;
    if (!raw && read.body.length > 0) {
      try {
        body = JSON.parse(read.body.toString('utf8'));
      } catch {
        // Databricks' wording for an unparsable body.
        const message = 'Invalid JSON given in the body of the request - failed to parse given JSON';
        return isScim ? scimError(400, message, 'invalidSyntax') : databricksError(400, 'MALFORMED_REQUEST', message);
      }
    }
    const request: RestRequest = {
      method,
      path,
      params: match.params,
      query,
      headers: req.headers as Readonly<Record<string, string | undefined>>,
      body,
      rawBody: read.body,
      caller,
    };
    let response: RestResponse;
    try {
      response = await match.route.handle(request);
    } catch (error) {
      this.o.onInternalError(error);
      response = internalError();
    }
    this.o.audit?.recordAudit(
      toAuditRecord({ route: match.route, caller, requestParams: auditParams(match.params, query, body), statusCode: response.status, responseBody: response.body }),
    );
    return response;
  }
}
