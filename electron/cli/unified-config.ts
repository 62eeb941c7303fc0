import type { FederationTokenSource, SignInMethod } from '../../shared/contract/auth';
import { DEFAULT_REDIRECT_URIS } from '../../shared/domain/oauth-client';
import { parseWorkspaceUrl } from '../../shared/domain/workspace-url';
import { AppFailure } from '../../shared/result';
import type { ConfigProfile } from '../services/session/databrickscfg';
import type { CliArgs } from './args';

/**
 * Databricks unified authentication, as the SDKs resolve it (Go `config/config.go`, attribute loaders: explicit
 * configuration, then `DATABRICKS_*` environment variables, then the profile in the config file), applied per
 * attribute. The auth type is explicit (`--auth-type` / `DATABRICKS_AUTH_TYPE` / `auth_type`) or inferred: a token
 * means PAT, a client id with a secret means M2M.
 */
export interface CliConfig {
  readonly host: string;
  readonly accountId?: string;
  readonly auth: SignInMethod;
  /** Where the host came from, for the error that says what to fix. */
  readonly profile?: string;
  /** Every secret value in play, so output can be scrubbed of it whatever happens. */
  readonly secrets: readonly string[];
}

const AUTH_TYPES: Readonly<Record<string, 'pat' | 'oauth-m2m' | 'oauth-u2m' | 'env-oidc' | 'file-oidc'>> = {
  pat: 'pat',
  'oauth-m2m': 'oauth-m2m',
  m2m: 'oauth-m2m',
  u2m: 'oauth-u2m',
  'oauth-u2m': 'oauth-u2m',
  'external-browser': 'oauth-u2m',
  'env-oidc': 'env-oidc',
  'file-oidc': 'file-oidc',
};

const usage = (message: string, hint?: string) => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

export function profileName(args: CliArgs, env: NodeJS.ProcessEnv): string | undefined {
  const explicit = args.flags.profile;
  return typeof explicit === 'string' ? explicit : env.DATABRICKS_CONFIG_PROFILE || undefined;
}

export function resolveCliConfig(args: CliArgs, env: NodeJS.ProcessEnv, profiles: readonly ConfigProfile[]): CliConfig {
  const name = profileName(args, env);
  const profile = profiles.find((p) => p.name === (name ?? 'DEFAULT'));
  if (name !== undefined && !profile) throw usage(`There is no profile "${name.slice(0, 100)}" in the Databricks configuration file.`);
  const pv = profile?.values ?? {};
  const pick = (flag: string, envName: string, key: string): string | undefined => {
    const f = args.flags[flag];
    return (typeof f === 'string' ? f : undefined) ?? (env[envName] || undefined) ?? (pv[key] || undefined);
  };
  const host = pick('host', 'DATABRICKS_HOST', 'host');
  if (!host) throw usage('No workspace given.', 'Pass --host https://<workspace>, set DATABRICKS_HOST, or use a profile from ~/.databrickscfg (--profile).');
  const token = pick('token', 'DATABRICKS_TOKEN', 'token');
  const clientId = pick('client-id', 'DATABRICKS_CLIENT_ID', 'client_id');
  const clientSecret = pick('client-secret', 'DATABRICKS_CLIENT_SECRET', 'client_secret');
  const accountId = pick('account-id', 'DATABRICKS_ACCOUNT_ID', 'account_id');
  const rawType = pick('auth-type', 'DATABRICKS_AUTH_TYPE', 'auth_type');
  const type = rawType === undefined ? (token ? 'pat' : clientId && clientSecret ? 'oauth-m2m' : undefined) : AUTH_TYPES[rawType];
  if (rawType !== undefined && type === undefined) throw usage(`Unknown auth type "${rawType.slice(0, 40)}".`, 'Use pat, oauth-m2m, u2m, env-oidc or file-oidc.');
  if (type === undefined) {
    throw usage('No credentials found.', 'Use --auth-type u2m to sign in in your browser, or set DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (or DATABRICKS_TOKEN).');
  }
  const secrets = [token, clientSecret].filter((s): s is string => !!s);
  // The account id belongs to an account console sign-in; for a workspace host the SDKs ignore it (so may we: many
  // shells export DATABRICKS_ACCOUNT_ID for other tools).
  const address = parseWorkspaceUrl(host);
  const account = accountId && address.ok && address.value.kind === 'account' ? { accountId } : {};
  const base = { host, ...(accountId ? { accountId } : {}), ...(profile ? { profile: profile.name } : {}), secrets };
  const federation = (source: FederationTokenSource): CliConfig => ({ ...base, auth: { method: 'token-federation', source, ...(clientId ? { clientId } : {}), ...account } });
  switch (type) {
    case 'pat':
      if (!token) throw usage('The pat auth type needs a token.', 'Set DATABRICKS_TOKEN (or pass --token).');
      return { ...base, auth: { method: 'pat', token } };
    case 'oauth-m2m':
      if (!clientId || !clientSecret) throw usage('OAuth M2M needs a client id and a client secret.', 'Set DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET.');
      return { ...base, auth: { method: 'oauth-m2m', clientId, clientSecret, ...account } };
    case 'oauth-u2m': {
      if (!clientId) throw usage('U2M sign-in needs the client id of your OAuth app connection.', 'Pass --client-id or set DATABRICKS_CLIENT_ID.');
      const redirectUris = args.lists['redirect-uri'] ?? DEFAULT_REDIRECT_URIS;
      return { ...base, auth: { method: 'oauth-u2m', clientId, redirectUris: [...redirectUris], ...(clientSecret ? { clientSecret } : {}), ...account } };
    }
    case 'env-oidc': {
      const f = args.flags['oidc-token-env'];
      return federation({ kind: 'env', name: typeof f === 'string' ? f : (env.DATABRICKS_OIDC_TOKEN_ENV || 'DATABRICKS_OIDC_TOKEN') });
    }
    case 'file-oidc': {
      const f = args.flags['oidc-token-file'];
      const path = typeof f === 'string' ? f : env.DATABRICKS_OIDC_TOKEN_FILEPATH;
      if (!path) throw usage('The file-oidc auth type needs --oidc-token-file or DATABRICKS_OIDC_TOKEN_FILEPATH.');
      return federation({ kind: 'file', path });
    }
  }
}
