import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Identities } from '../identity';
import { AccessTokenLedger } from './access-token-ledger';
import { AccessTokenMinter } from './access-token-minter';
import { AccessTokenVerifier } from './access-token-verifier';
import { withOfflineAccessPrompt } from './authorize-request';
import type { U2mAppOptions } from './clients';
import { ConsentMemory } from './consent-memory';
import type { FederationPolicies } from './federation-policies';
import { handleInteraction } from './interactions';
import type { OAuthStorage } from './memory-adapter';
import { createProvider } from './provider-factory';
import type { SigningKey } from './signing-key';
import { frontTokenRequest } from './token-endpoint';

export interface OAuthServerOptions {
  /** `https://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly identities: Identities;
  readonly signingKey: SigningKey;
  readonly storage: OAuthStorage;
  readonly u2m: U2mAppOptions;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly revocation: boolean;
  readonly policies: FederationPolicies;
  readonly earlyExpirySeconds: () => number | undefined;
  /** The clock the early-expiry fault reads (token issue times and checks). */
  readonly earlyExpiryClock: () => number;
}

interface Mount {
  readonly path: string;
  readonly provider: Provider;
  readonly callback: ReturnType<Provider['callback']>;
  readonly issuer: string;
  readonly audience: string;
}

/**
 * The workspace's OAuth server, laid out like Databricks (databricks-oauth.md §1): oidc-provider mounted at `/oidc`
 * (workspace) and at `/oidc/accounts/<accountId>` (account), plus what oidc-provider does not do itself — the
 * `oauth-authorization-server` well-known alias, the `/oidc/oauth2/v2.0/authorize` alias `@databricks/sql` uses,
 * the login and consent pages, and RFC 8693 token exchange.
 */
export class OAuthServer {
  readonly verifier: AccessTokenVerifier;
  readonly issuers: { readonly workspace: string; readonly account: string };
  private readonly ledger: AccessTokenLedger;
  private readonly consents = new ConsentMemory();
  private readonly minter: AccessTokenMinter;
  private readonly mounts: readonly Mount[];

  constructor(private readonly o: OAuthServerOptions) {
    const { identities } = o;
    this.ledger = new AccessTokenLedger(o.earlyExpiryClock);
    const accountPath = `/oidc/accounts/${identities.accountId}`;
    this.issuers = { workspace: `${o.baseUrl}/oidc`, account: `${o.baseUrl}${accountPath}` };
    const cookieKeys = [randomBytes(32).toString('base64url')];
    const mount = (path: string, issuer: string, audience: string, resource: string): Mount => {
      const provider = createProvider({
        ...o,
        issuer,
        mountPath: path,
        audience,
        resource,
        consents: this.consents,
        ledger: this.ledger,
        cookieKeys,
      });
      return { path, issuer, audience, provider, callback: provider.callback() };
    };
    // Longest prefix first: the account mount lives inside the workspace one.
    this.mounts = [
      mount(accountPath, this.issuers.account, identities.accountId, `${o.baseUrl}/api/2.0/accounts/${identities.accountId}`),
      mount('/oidc', this.issuers.workspace, identities.workspaceId, o.baseUrl),
    ];
    this.minter = new AccessTokenMinter(o.signingKey, this.ledger);
    this.verifier = new AccessTokenVerifier({
      publicJwk: o.signingKey.publicJwk,
      issuers: this.issuers,
      ledger: this.ledger,
      earlyExpirySeconds: o.earlyExpirySeconds,
      now: o.earlyExpiryClock,
    });
  }

  /** Token endpoint calls, which the faults apply to like API calls. */
  isTokenEndpoint(path: string): boolean {
    return this.mounts.some((m) => path === `${m.path}/v1/token`);
  }

  /** The "revoke every token" fault: access tokens, refresh tokens, grants, sessions and remembered consents. */
  revokeAll(): void {
    this.ledger.revokeAll();
    this.o.storage.clear();
    this.consents.clear();
  }

  /** Handles any request whose path starts with `/oidc`. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, search: string): Promise<void> {
    const m = this.mounts.find((x) => path === x.path || path.startsWith(`${x.path}/`));
    if (!m || (path.startsWith('/oidc/accounts/') && m.path === '/oidc')) {
      res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'Unknown OAuth endpoint or account.' }));
      return;
    }
    let sub = path.slice(m.path.length);
    if (sub.startsWith('/interaction/')) {
      await handleInteraction(req, res, { provider: m.provider, identities: this.o.identities, consents: this.consents, mountPath: m.path }, sub.slice('/interaction/'.length));
      return;
    }
    // Every Databricks SDK reads the RFC 8414 document at this path (databricks-oauth.md §1.1); same content.
    if (sub === '/.well-known/oauth-authorization-server') sub = '/.well-known/openid-configuration';
    if (sub === '/oauth2/v2.0/authorize') sub = '/v1/authorize';
    if (sub === '/v1/authorize' && req.method === 'GET') search = withOfflineAccessPrompt(search);

    let forward: IncomingMessage | undefined = req;
    if (sub === '/v1/token' && req.method === 'POST') {
      forward = await frontTokenRequest(req, res, {
        issuer: m.issuer,
        audience: m.audience,
        identities: this.o.identities,
        policies: this.o.policies,
        minter: this.minter,
        maxTtlSeconds: this.o.accessTokenTtlSeconds,
      });
      if (!forward) return;
    }
    // oidc-provider derives its mount path from originalUrl minus url (oauth-loopback-testing.md "Mounting at /oidc").
    Object.assign(forward, { originalUrl: `${m.path}${sub}${search}` });
    forward.url = `${sub}${search}`;
    await m.callback(forward, res);
  }
}
