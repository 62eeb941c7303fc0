import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseForm, readBody } from '../http/body';
import { replayRequest } from '../http/replay-request';
import { TOKEN_EXCHANGE_GRANT } from './databricks-shape';
import { exchangeToken, type ExchangeContext } from './token-exchange';

// oidc-provider's own limit for token request bodies (lib/shared/selective_body.js).
const TOKEN_BODY_LIMIT = 56 * 1024;

function answer(res: ServerResponse, status: number, body: unknown, extra: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

/**
 * The token endpoint's front: reads the form once, answers what oidc-provider does not do (RFC 8693 token exchange)
 * or does differently from Databricks (M2M scopes), and otherwise returns a replay of the request for the provider.
 * Resolves to undefined when the response was already sent.
 */
export async function frontTokenRequest(req: IncomingMessage, res: ServerResponse, exchange: ExchangeContext): Promise<IncomingMessage | undefined> {
  const body = await readBody(req, TOKEN_BODY_LIMIT);
  if (!body.ok) {
    answer(res, 413, { error: 'invalid_request', error_description: 'request body too large' }, { Connection: 'close' });
    return undefined;
  }
  const form = parseForm(body.body);
  if (form.grant_type === TOKEN_EXCHANGE_GRANT) {
    const result = await exchangeToken(form, exchange);
    answer(res, result.status, result.body);
    return undefined;
  }
  // "all-apis" is "the only allowed scope for M2M flow" (@databricks/sql, databricks-oauth.md §3.1); oidc-provider
  // would silently drop other scopes and issue a token without any.
  if (form.grant_type === 'client_credentials' && (form.scope ?? 'all-apis').split(' ').some((s) => s !== '' && s !== 'all-apis')) {
    answer(res, 400, { error: 'invalid_scope', error_description: 'Only the all-apis scope is allowed for client_credentials.' });
    return undefined;
  }
  return replayRequest(req, body.body);
}
