import { Agent, fetch, Headers, type RequestInit, type Response } from 'undici';

export interface SandboxFetch {
  (path: string, init?: RequestInit & { readonly token?: string; readonly json?: unknown }): Promise<Response>;
  readonly agent: Agent;
  close(): Promise<void>;
}

/**
 * `fetch` against the sandbox that trusts exactly its CA (TLS verification stays on), with optional bearer token and
 * JSON body helpers. For tests and tools; never used by the app.
 */
export function sandboxFetch(baseUrl: string, caCertPem: string): SandboxFetch {
  const agent = new Agent({ connect: { ca: caCertPem } });
  const call = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> => {
    const { token, json, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (token !== undefined) merged.set('authorization', `Bearer ${token}`);
    if (json !== undefined) merged.set('content-type', 'application/json');
    return fetch(`${baseUrl}${path}`, {
      ...rest,
      headers: merged,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      dispatcher: agent,
    });
  };
  return Object.assign(call, { agent, close: () => agent.close() });
}

export interface ClientCredentials {
  readonly applicationId: string;
  readonly clientSecret: string;
}

/** M2M token for a service principal, at the workspace (`/oidc`) or account (`/oidc/accounts/<id>`) token endpoint. */
export async function clientCredentialsToken(f: SandboxFetch, sp: ClientCredentials, oidcBase = '/oidc'): Promise<string> {
  const res = await f(`${oidcBase}/v1/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sp.applicationId}:${sp.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=all-apis',
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`client_credentials failed with ${res.status}`);
  return body.access_token;
}
