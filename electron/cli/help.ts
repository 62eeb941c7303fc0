import { flagsOf } from './command-flags';
import type { CliCommand, FlagSpec } from './command';

const flagLine = (f: FlagSpec): string => {
  const head = `--${f.name}${f.kind === 'value' ? ` ${f.valueName ?? 'VALUE'}` : ''}`;
  return `  ${head.padEnd(24)}${head.length >= 24 ? ' ' : ''}${f.help}`;
};

const CREDENTIALS = `Credentials are resolved like Databricks unified auth: flags, then environment variables
(DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET, DATABRICKS_ACCOUNT_ID,
DATABRICKS_AUTH_TYPE, DATABRICKS_CONFIG_PROFILE), then the profile in ~/.databrickscfg (DATABRICKS_CONFIG_FILE).
Tokens are kept in memory for this run only; nothing is written to disk.`;

const FOOTER = 'Exit codes: 0 success, 1 failure, 2 bad input. Extra CAs: NODE_EXTRA_CA_CERTS.';

/** The command list: name and summary, in registration order. */
export function commandList(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return ['Commands:', ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`)].join('\n');
}

/** `ucbridge --help`. */
export function topUsage(commands: readonly CliCommand[]): string {
  return [
    'Usage: ucbridge <command> [flags]',
    '',
    commandList(commands),
    '',
    'Run ucbridge <command> --help for a command\u2019s flags.',
    '',
    CREDENTIALS,
    '',
    FOOTER,
  ].join('\n');
}

/** `ucbridge <command> --help`: its own text, then every flag it takes. */
export function commandUsage(command: CliCommand): string {
  const operands = command.operands ? ` ${command.operands.names}` : '';
  return [
    `Usage: ucbridge ${command.name}${operands} [flags]`,
    '',
    command.usage,
    '',
    'Flags:',
    ...flagsOf(command).map(flagLine),
    ...(command.needs.signIn ? ['', CREDENTIALS] : []),
    '',
    FOOTER,
  ].join('\n');
}
