import type { SignInMethod, WorkspaceChoice } from '../../../shared/contract/auth';
import { parseAccountId } from '../../../shared/domain/account-id';
import { DEFAULT_REDIRECT_URIS, parseRedirectUris, type RedirectUri } from '../../../shared/domain/oauth-client';
import { parseWorkspaceUrl, type WorkspaceAddress } from '../../../shared/domain/workspace-url';
import { AppFailure, type ErrorCode } from '../../../shared/result';
import type { RecentWorkspace } from '../../../shared/contract/auth';
import type { ConfigProfile } from './databrickscfg';
import type { SandboxDetails } from './sandbox-launcher';

/**
 * Turns the Authenticate step's choices into one complete, validated sign-in: which address, which method, which
 * client id, redirect URIs and secrets — filling gaps from the chosen profile, the recent entry or the sandbox.
 * A secret stored in a profile is used only when the user agreed to it (`useProfileSecret`).
 */
export type ResolvedMethod =
  | { readonly method: 'oauth-u2m'; readonly clientId: string; readonly clientSecret?: string; readonly redirectUris: readonly RedirectUri[] }
  | { readonly method: 'oauth-m2m'; readonly clientId: string; readonly clientSecret: string }
  | { readonly method: 'token-federation'; readonly clientId?: string; readonly source: Extract<SignInMethod, { method: 'token-federation' }>['source'] }
  | { readonly method: 'pat'; readonly token: string };

export interface ResolvedTarget {
  readonly address: WorkspaceAddress;
  readonly label: string;
  readonly accountId?: string;
  readonly auth: ResolvedMethod;
  readonly profile?: string;
  readonly sandbox?: SandboxDetails;
}

export interface ResolveInput {
  readonly workspace: WorkspaceChoice;
  readonly auth: SignInMethod;
  readonly useProfileSecret: boolean;
  readonly profiles: readonly ConfigProfile[];
  readonly recent: (url: string) => RecentWorkspace | undefined;
  /**
   * Started by the caller when the choice is the sandbox; otherwise the running one, if any, which a typed or
   * recent loopback address uses when it is that sandbox's address.
   */
  readonly sandbox?: SandboxDetails;
}

const refuse = (message: string, hint?: string, code: ErrorCode = 'BAD_REQUEST'): never => {
  throw new AppFailure(hint ? { code, message, hint } : { code, message });
};

function address(input: ResolveInput): { address: WorkspaceAddress; label: string; profile?: ConfigProfile } {
  const choice = input.workspace;
  switch (choice.kind) {
    case 'url': {
      const r = parseWorkspaceUrl(choice.url);
      if (!r.ok) return refuse(r.problem, r.suggestion ? `Did you mean ${r.suggestion}?` : undefined);
      return { address: r.value, label: r.value.host };
    }
    case 'profile': {
      const profile = input.profiles.find((p) => p.name === choice.name);
      if (!profile) return refuse(`There is no profile named "${choice.name.slice(0, 100)}" in the Databricks configuration file.`);
      const r = parseWorkspaceUrl(profile.values.host ?? '');
      if (!r.ok) return refuse(`Profile "${profile.name}": ${r.problem}`);
      return { address: r.value, label: `${profile.name} (${r.value.host})`, profile };
    }
    case 'sandbox': {
      if (!input.sandbox) return refuse('The local sandbox is not running.', undefined, 'UNSUPPORTED');
      const r = parseWorkspaceUrl(input.sandbox.url);
      if (!r.ok) return refuse(r.problem, undefined, 'INTERNAL');
      return { address: r.value, label: SANDBOX_LABEL };
    }
  }
}

const SANDBOX_LABEL = 'Local sandbox';

export function resolveTarget(input: ResolveInput): ResolvedTarget {
  const { address: addr, label: given, profile } = address(input);
  const pv = profile?.values ?? {};
  const recent = input.recent(addr.url);
  const sandbox = input.workspace.kind === 'sandbox' || (addr.kind === 'sandbox' && input.sandbox?.url === addr.url) ? input.sandbox : undefined;
  const profileSecret = (key: 'token' | 'client_secret'): string | undefined => (input.useProfileSecret ? pv[key] || undefined : undefined);
  const needSecret = (what: string, key: 'token' | 'client_secret'): never =>
    refuse(
      `Enter the ${what}.`,
      pv[key] ? `Or allow ucbridge to use the ${what} saved in profile "${profile?.name}" (it is kept in your OS keychain, never copied elsewhere).` : undefined,
    );
  const auth = input.auth;

  const accountIdInput = auth.method === 'pat' ? undefined : (auth.accountId ?? (pv.account_id || undefined) ?? (addr.kind === 'account' ? recent?.accountId : undefined));
  let accountId: string | undefined;
  if (accountIdInput !== undefined && accountIdInput !== '') {
    const r = parseAccountId(accountIdInput);
    if (!r.ok) return refuse(r.problem);
    accountId = r.value;
  }
  if (addr.kind === 'account' && accountId === undefined) return refuse('Account-level sign-in needs the account id.', 'It is a UUID, shown in the account console under your user menu.');
  if (addr.kind === 'workspace' && auth.method !== 'pat' && auth.accountId) {
    return refuse('An account id is only used when signing in to the account console.', 'Use the account console address for account-level sign-in, or clear the account id.');
  }
  if (addr.kind === 'account' && auth.method === 'pat') return refuse('Personal access tokens work with workspaces, not the account console.');

  const clientIdFallback = auth.method === 'pat' ? undefined : (auth.clientId ?? (pv.client_id || undefined) ?? recent?.clientId);
  const resolved = ((): ResolvedMethod => {
    switch (auth.method) {
      case 'oauth-u2m': {
        // The sandbox has one app connection: a client id typed for another workspace choice never goes there.
        const clientId = sandbox?.clientId ?? auth.clientId ?? clientIdFallback;
        if (!clientId) return refuse('Enter the client id of your OAuth app connection.', 'The guide below shows how to create one in the account console.');
        const uris = parseRedirectUris(sandbox?.redirectUris ?? auth.redirectUris ?? recent?.redirectUris ?? DEFAULT_REDIRECT_URIS);
        if (!uris.ok) return refuse(uris.problem);
        const clientSecret = auth.clientSecret ?? profileSecret('client_secret');
        return { method: 'oauth-u2m', clientId, redirectUris: uris.value, ...(clientSecret ? { clientSecret } : {}) };
      }
      case 'oauth-m2m': {
        if (!clientIdFallback) return refuse("Enter the service principal's application (client) id.");
        const clientSecret = auth.clientSecret ?? profileSecret('client_secret') ?? needSecret('OAuth secret of the service principal', 'client_secret');
        return { method: 'oauth-m2m', clientId: clientIdFallback, clientSecret };
      }
      case 'token-federation':
        return { method: 'token-federation', source: auth.source, ...(auth.clientId ? { clientId: auth.clientId } : {}) };
      case 'pat': {
        const token = auth.token ?? profileSecret('token') ?? needSecret('personal access token', 'token');
        return { method: 'pat', token: token.trim() };
      }
    }
  })();
  return {
    address: addr,
    label: sandbox ? SANDBOX_LABEL : given,
    auth: resolved,
    ...(accountId ? { accountId } : {}),
    ...(profile ? { profile: profile.name } : {}),
    ...(sandbox ? { sandbox } : {}),
  };
}
