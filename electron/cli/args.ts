/**
 * `ucbridge <command> [flags]`. Flags follow the Databricks CLI's names where one exists (`--host`, `--profile`,
 * `--auth-type`, `--account-id`) so an admin's habits carry over.
 */
export interface CliArgs {
  readonly command: string | undefined;
  readonly flags: Readonly<Record<string, string | true>>;
  /** Repeatable flags (`--redirect-uri`). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  'host',
  'token',
  'client-id',
  'client-secret',
  'account-id',
  'auth-type',
  'profile',
  'redirect-uri',
  'oidc-token-file',
  'oidc-token-env',
  'timeout',
  'config',
  'out',
]);
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['no-browser', 'json', 'verbose', 'help', 'version', 'yes']);
const REPEATABLE: ReadonlySet<string> = new Set(['redirect-uri']);

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const flags: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (command !== undefined) throw new UsageError(`Unexpected argument "${arg.slice(0, 40)}".`);
      command = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      flags[name] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`Unknown flag --${name.slice(0, 40)}.`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
    if (REPEATABLE.has(name)) (lists[name] ??= []).push(value);
    else flags[name] = value;
  }
  return { command, flags, lists };
}

export const USAGE = `Usage: ucbridge <command> [flags]

Commands:
  whoami            Sign in and print who you are on the workspace.
  export-script     Offline: write setup.sql, uninstall.sql and setup_notebook.sql for --config to --out DIR.
  validate          Run the integration's validation tests (exit 1 when one fails).
  plan              Show the set-up plan against the workspace as it is now.
  apply             Show the set-up plan, ask, then run it (--yes: do not ask).
  uninstall         Show the uninstall plan, ask, then run it (--yes: do not ask).

The integration commands read --config F: seed 001's config object as JSON (workspaceUrl, httpPath, catalog,
audit, servicePrincipal, governedCatalogs, additionalWorkspaceConnections). They sign in like whoami; without
--host, DATABRICKS_HOST or a profile, the config's workspaceUrl is the host. SQL runs on the config's httpPath.

Credentials are resolved like Databricks unified auth: flags, then environment variables
(DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET, DATABRICKS_ACCOUNT_ID,
DATABRICKS_AUTH_TYPE, DATABRICKS_CONFIG_PROFILE), then the profile in ~/.databrickscfg (DATABRICKS_CONFIG_FILE).

Flags:
  --host URL              Workspace or account console address.
  --profile NAME          Profile in ~/.databrickscfg (default: DEFAULT).
  --auth-type TYPE        pat | oauth-m2m | u2m | env-oidc | file-oidc.
  --token TOKEN           Personal access token (legacy; prefer OAuth).
  --client-id ID          OAuth client id (app connection, or service principal application id).
  --client-secret SECRET  Service principal OAuth secret (prefer DATABRICKS_CLIENT_SECRET: flags show in ps).
  --account-id UUID       Account-level sign-in against an account console host.
  --redirect-uri URI      U2M: a registered redirect URL (repeatable; default localhost:8020-8022/callback).
  --no-browser            U2M: print the sign-in link instead of opening a browser.
  --oidc-token-file PATH  Token federation: a file holding the identity provider's JWT.
  --oidc-token-env NAME   Token federation: an environment variable holding it (default DATABRICKS_OIDC_TOKEN).
  --config FILE           The integration config (JSON).
  --out DIR               export-script: where to write the scripts.
  --yes                   apply/uninstall: run without asking (required when stdin is not a terminal).
  --json                  Machine-readable output.
  --verbose               Log (redacted) diagnostics to stderr.

Tokens are kept in memory for this run only; nothing is written to disk (export-script writes only to --out).
Exit codes: 0 success, 1 failure, 2 bad input. Extra CAs: NODE_EXTRA_CA_CERTS.`;
