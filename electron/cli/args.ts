import type { FlagSpec } from './command';

/**
 * `ucbridge <command> [sub-command] [operands] [flags]`. Flags follow the Databricks CLI's names where one exists
 * (`--host`, `--profile`, `--auth-type`, `--account-id`) so an admin's habits carry over.
 */
export interface CliArgs {
  /** The command's full name once resolved (`users match`); before that, the first word. */
  readonly command: string | undefined;
  /** Every word that is not a flag, in order (the command's words, then its operands). */
  readonly words: readonly string[];
  /** Words after the command's name. */
  readonly operands: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
  /** Repeatable flags (`--redirect-uri`). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

export class UsageError extends Error {}

/** Every command takes these. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'help', kind: 'boolean', help: 'Show this help.' },
  { name: 'version', kind: 'boolean', help: 'Print the version.' },
  { name: 'verbose', kind: 'boolean', help: 'Log (redacted) diagnostics to stderr, and the cause of an unexpected problem.' },
];

/** A command that signs in takes these (Databricks unified auth). */
export const SIGN_IN_FLAGS: readonly FlagSpec[] = [
  { name: 'host', kind: 'value', valueName: 'URL', help: 'Workspace or account console address.' },
  { name: 'profile', kind: 'value', valueName: 'NAME', help: 'Profile in ~/.databrickscfg (default: DEFAULT).' },
  { name: 'auth-type', kind: 'value', valueName: 'TYPE', help: 'pat | oauth-m2m | u2m | env-oidc | file-oidc.' },
  { name: 'token', kind: 'value', valueName: 'TOKEN', help: 'Personal access token (legacy; prefer OAuth).' },
  { name: 'client-id', kind: 'value', valueName: 'ID', help: 'OAuth client id (app connection, or service principal application id).' },
  { name: 'client-secret', kind: 'value', valueName: 'SECRET', help: 'Service principal OAuth secret (prefer DATABRICKS_CLIENT_SECRET: flags show in ps).' },
  { name: 'account-id', kind: 'value', valueName: 'UUID', help: 'Account-level sign-in against an account console host.' },
  { name: 'redirect-uri', kind: 'value', repeatable: true, valueName: 'URI', help: 'U2M: a registered redirect URL (repeatable; default localhost:8020-8022/callback).' },
  { name: 'no-browser', kind: 'boolean', help: 'U2M: print the sign-in link instead of opening a browser.' },
  { name: 'timeout', kind: 'value', valueName: 'SECONDS', help: 'U2M: how long to wait for the browser sign-in (1-3600, default 300).' },
  { name: 'oidc-token-file', kind: 'value', valueName: 'PATH', help: 'Token federation: a file holding the identity provider\u2019s JWT.' },
  { name: 'oidc-token-env', kind: 'value', valueName: 'NAME', help: 'Token federation: an environment variable holding it (default DATABRICKS_OIDC_TOKEN).' },
];

export const CONFIG_FLAG: FlagSpec = { name: 'config', kind: 'value', valueName: 'FILE', help: 'The integration config (JSON).' };
export const YES_FLAG: FlagSpec = { name: 'yes', kind: 'boolean', help: 'Run without asking (required when stdin is not a terminal).' };
export const JSON_FLAG: FlagSpec = { name: 'json', kind: 'boolean', help: 'Machine-readable output.' };

/**
 * Splits argv into words and flags. `flagOf` says what a flag name is (any command's flag: which command the words
 * name is only known once they are all read); the runner then checks the flags against the command's own.
 */
export function parseArgs(argv: readonly string[], flagOf: (name: string) => FlagSpec | undefined = defaultFlagOf): CliArgs {
  const flags: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = flagOf(name);
    if (spec === undefined) throw new UsageError(`Unknown flag --${name.slice(0, 40)}.`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      flags[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
    if (spec.repeatable) (lists[name] ??= []).push(value);
    else flags[name] = value;
  }
  return { command: words[0], words, operands: words.slice(1), flags, lists };
}

const SHARED = new Map([...COMMON_FLAGS, ...SIGN_IN_FLAGS, CONFIG_FLAG, YES_FLAG, JSON_FLAG].map((f) => [f.name, f]));
function defaultFlagOf(name: string): FlagSpec | undefined {
  return SHARED.get(name);
}
