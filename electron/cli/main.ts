import { PRODUCT_VERSION } from '../../shared/product';
import { AppFailure } from '../../shared/result';
import { createLogger, formatRecord } from '../logging';
import { createSystemBrowserOpener, systemClock } from '../node';
import type { BrowserOpener, Logger } from '../ports';
import { configFilePath, readProfileFile } from '../services/session/profiles';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { connectCli, type CliConnection } from './cli-connect';
import { exitCodeFor, failureLine, scrub } from './cli-output';
import { readConfigFile } from './config-file';
import { terminalConfirm, type Confirm } from './confirm';
import { assertCanConfirm, exportScriptCommand, INTEGRATION_COMMANDS, workspaceCommand } from './integration-commands';
import { resolveCliConfig, type CliConfig } from './unified-config';
import { formatWhoami } from './whoami';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Defaults to the system browser. */
  readonly browser?: BrowserOpener;
  /** Asks yes/no on the terminal; absent when stdin is not one. */
  readonly confirm?: Confirm;
}

/** Credentials as Databricks unified auth resolves them; an integration command's config names the host otherwise. */
async function credentials(args: CliArgs, io: CliIo, defaultHost?: string): Promise<CliConfig> {
  const file = await readProfileFile(configFilePath(io.env));
  try {
    return resolveCliConfig(args, io.env, file.profiles);
  } catch (e) {
    const noHost = e instanceof AppFailure && e.error.message === 'No workspace given.';
    if (!noHost || defaultHost === undefined) throw e;
    return resolveCliConfig({ ...args, flags: { ...args.flags, host: defaultHost } }, io.env, file.profiles);
  }
}

async function signIn(args: CliArgs, io: CliIo, config: CliConfig, logger: Logger): Promise<CliConnection> {
  const noBrowser = args.flags['no-browser'] === true;
  const showLink = (url: string) => io.stderr(`Open this link in your browser to sign in:\n${url}`);
  const browser: BrowserOpener = noBrowser ? { open: async (url) => showLink(url) } : (io.browser ?? createSystemBrowserOpener());
  const timeout = typeof args.flags.timeout === 'string' ? Number(args.flags.timeout) : undefined;
  if (timeout !== undefined && !(timeout >= 1 && timeout <= 3600)) throw new UsageError('--timeout is a number of seconds from 1 to 3600.');
  return connectCli(config, { clock: systemClock, logger, browser, showLink, ...(timeout ? { signInTimeoutMs: timeout * 1000 } : {}) }, io.signal);
}

/** The `ucbridge` CLI; returns the exit code. Never throws, never prints a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let secrets: readonly string[] = [];
  try {
    const args = parseArgs(argv);
    if (args.flags.version) return (io.stdout(`ucbridge ${PRODUCT_VERSION}`), 0);
    if (args.flags.help || args.command === undefined || args.command === 'help') return (io.stdout(USAGE), args.command === undefined && !args.flags.help ? 2 : 0);
    const command = args.command;
    if (command !== 'whoami' && !INTEGRATION_COMMANDS.has(command)) throw new UsageError(`Unknown command "${command.slice(0, 40)}". Try ucbridge --help.`);
    const verbose = args.flags.verbose === true;
    const logger = createLogger({ level: verbose ? 'debug' : 'error', sinks: verbose ? [(r) => io.stderr(scrub(formatRecord(r), secrets))] : [] });
    const out = { stdout: (t: string) => io.stdout(scrub(t, secrets)), stderr: (t: string) => io.stderr(scrub(t, secrets)), signal: io.signal, ...(io.confirm ? { confirm: io.confirm } : {}) };

    // Integration commands check their input first: a bad config file or a missing --yes costs no sign-in.
    const configPath = args.flags.config;
    if (command !== 'whoami' && typeof configPath !== 'string') throw new UsageError(`${command} needs --config FILE, the integration config (JSON).`);
    const integrationConfig = typeof configPath === 'string' && command !== 'whoami' ? await readConfigFile(configPath) : undefined;
    if (command === 'export-script') return await exportScriptCommand(args, integrationConfig!, out);
    assertCanConfirm(command, args, out);

    const config = await credentials(args, io, integrationConfig?.workspaceUrl);
    secrets = config.secrets;
    const connection = await signIn(args, io, config, logger);
    try {
      if (integrationConfig) return await workspaceCommand(command, args, integrationConfig, connection, out, logger);
      out.stdout(formatWhoami(connection, args.flags.json === true));
      return 0;
    } finally {
      await connection.close();
    }
  } catch (e) {
    const failure = e instanceof UsageError ? new AppFailure({ code: 'BAD_REQUEST', message: e.message, hint: 'See ucbridge --help.' }) : e;
    io.stderr(failureLine(failure, secrets));
    return exitCodeFor(failure);
  }
}

/** Entry point for bin/ucbridge.cjs. */
export function main(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  void runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    signal: controller.signal,
    ...(process.stdin.isTTY ? { confirm: terminalConfirm(process.stdin, process.stderr) } : {}),
  }).then((code) => {
    process.exitCode = code;
  });
}
