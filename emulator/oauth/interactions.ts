import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { parseForm, readBody } from '../http/body';
import type { Identities } from '../identity';
import type { ConsentMemory } from './consent-memory';
import { consentPage, loginPage, PAGE_CSP } from './pages';

export interface InteractionDeps {
  readonly provider: Provider;
  readonly identities: Identities;
  readonly consents: ConsentMemory;
  readonly mountPath: string;
}

interface ConsentDetails {
  readonly missingOIDCScope?: readonly string[];
  readonly missingOIDCClaims?: readonly string[];
  readonly missingResourceScopes?: Readonly<Record<string, readonly string[]>>;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
  });
  res.end(html);
}

function sendJsonError(res: ServerResponse, status: number, description: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: 'invalid_request', error_description: description }));
}

/**
 * The login and consent steps oidc-provider delegates to the host (`interactions.url`), at
 * `<mount>/interaction/<uid>[/login|/confirm|/abort]`. The password is checked for real against the identity store.
 */
export async function handleInteraction(req: IncomingMessage, res: ServerResponse, deps: InteractionDeps, rest: string): Promise<void> {
  const [uid = '', action = ''] = rest.split('/');
  const { provider, identities } = deps;
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendJsonError(res, 400, 'The sign-in session was not found or has expired. Start the sign-in again from the application.');
    return;
  }
  if (details.uid !== uid) {
    sendJsonError(res, 400, 'The sign-in session does not match this page.');
    return;
  }
  const base = `${deps.mountPath}/interaction/${encodeURIComponent(uid)}`;
  const clientId = String(details.params.client_id ?? '');
  const client = await provider.Client.find(clientId);
  const appName = String(client?.clientName ?? clientId);
  const method = req.method ?? 'GET';

  if (method === 'GET' && action === '') {
    if (details.prompt.name === 'login') {
      sendHtml(res, 200, loginPage({ action: `${base}/login`, appName }));
      return;
    }
    const scopes = String(details.params.scope ?? '').split(' ').filter(Boolean);
    sendHtml(res, 200, consentPage({ allowAction: `${base}/confirm`, denyAction: `${base}/abort`, appName, userName: details.session?.accountId ?? '', scopes }));
    return;
  }
  if (method !== 'POST') {
    sendJsonError(res, 405, 'Unsupported method for the sign-in page.');
    return;
  }
  const body = await readBody(req, 16 * 1024);
  const form = body.ok ? parseForm(body.body) : {};

  switch (action) {
    case 'login': {
      const user = identities.checkPassword(form.username ?? '', form.password ?? '');
      if (!user) {
        sendHtml(res, 401, loginPage({ action: `${base}/login`, appName, userName: form.username ?? '', error: 'Incorrect email or password.' }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.userName } }, { mergeWithLastSubmission: false });
      return;
    }
    case 'confirm': {
      const accountId = details.session?.accountId;
      if (details.prompt.name !== 'consent' || !accountId) {
        sendJsonError(res, 400, 'Nothing to confirm for this sign-in.');
        return;
      }
      const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
      const missing = details.prompt.details as ConsentDetails;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims([...missing.missingOIDCClaims]);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      deps.consents.remember(accountId, clientId, grantId);
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    case 'abort':
      // Databricks' exact denial value is unconfirmed; `access_denied` is RFC 6749 §4.1.2.1 (databricks-oauth.md §8 item 3).
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied the request.' }, { mergeWithLastSubmission: false });
      return;
    default:
      sendJsonError(res, 404, 'Unknown sign-in step.');
  }
}
