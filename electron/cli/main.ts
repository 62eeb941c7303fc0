import { PRODUCT_VERSION } from '../../shared/product';
import { AppFailure } from '../../shared/result';
import { createLogger, formatRecord } from '../logging';
import type { BrowserOpener } from '../ports';
import { parseArgs, UsageError, type CliArgs } from './args';
import type { CliConnection } from './cli-connect';
import { exitCodeFor, failureLine, scrub } from './cli-output';
import type { CliCommand, CommandContext, CommandIo } from './command';
import { flagsOf, flagTable } from './command-flags';
import { readConfigFile } from './config-file';
import { terminalConfirm, type Confirm } from './confirm';
import { commandUsage, topUsage } from './help';
import { COMMANDS } from './registry';
import { checkOperands, resolveCommand, UsageListingError } from './resolve-command';

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

/** The answer "no" to a command's question: nothing was changed, exit 1. */
class Declined extends Error {}

const FLAGS = flagTable(COMMANDS);

/** Help, version and the command: everything decided from argv alone. */
function route(argv: readonly string[]): { kind: 'print'; text: string; code: number } | { kind: 'run'; command: CliCommand; args: CliArgs } {
  const parsed = parseArgs(argv, (name) => FLAGS.get(name));
  if (parsed.flags.version) return { kind: 'print', text: `ucbridge ${PRODUCT_VERSION}`, code: 0 };
  const helpWord = parsed.words[0] === 'help';
  const words = helpWord ? parsed.words.slice(1) : parsed.words;
  const help = helpWord || parsed.flags.help === true;
  if (words.length === 0) return { kind: 'print', text: topUsage(COMMANDS), code: help ? 0 : 2 };
  const { command, operands } = resolveCommand(words, COMMANDS);
  if (help) return { kind: 'print', text: commandUsage(command), code: 0 };
  checkOperands(command, operands);
  const own = new Set(flagsOf(command).map((f) => f.name));
  for (const name of [...Object.keys(parsed.flags), ...Object.keys(parsed.lists)]) {
    if (!own.has(name)) throw new UsageError(`${command.name} takes no --${name} flag.`);
  }
  return { kind: 'run', command, args: { ...parsed, command: command.name, operands } };
}

/** The `ucbridge` CLI; returns the exit code. Never throws, never prints a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let secrets: readonly string[] = [];
  let connection: Promise<CliConnection> | undefined;
  try {
    const routed = route(argv);
    if (routed.kind === 'print') return (io.stdout(routed.text), routed.code);
    const { command, args } = routed;
    const verbose = args.flags.verbose === true;
    const logger = createLogger({ level: verbose ? 'debug' : 'error', sinks: verbose ? [(r) => io.stderr(scrub(formatRecord(r), secrets))] : [] });
    const out: CommandIo = { stdout: (t) => io.stdout(scrub(t, secrets)), stderr: (t) => io.stderr(scrub(t, secrets)), signal: io.signal, interactive: io.confirm !== undefined };

    // Input first: a bad config file or a missing --yes costs no sign-in.
    const configPath = args.flags.config;
    if (command.needs.config && typeof configPath !== 'string') throw new UsageError(`${command.name} needs --config FILE, the integration config (JSON).`);
    const config = command.needs.config ? await readConfigFile(configPath as string) : undefined;
    const yes = args.flags.yes === true;
    if (command.needs.confirm && !yes && io.confirm === undefined) {
      throw new AppFailure({ code: 'BAD_REQUEST', message: `Refusing to ${command.name} without confirmation: stdin is not a terminal.`, hint: 'Review the plan with ucbridge plan, then run again with --yes.' });
    }
    const connect = (): Promise<CliConnection> =>
      (connection ??= import('./sign-in').then(async ({ credentials, signIn }) => {
        const cliConfig = await credentials(args, io.env, config?.workspaceUrl);
        secrets = cliConfig.secrets;
        return signIn(args, { env: io.env, stderr: out.stderr, signal: io.signal, ...(io.browser ? { browser: io.browser } : {}) }, cliConfig, logger);
      }));
    const confirm = async (question: string): Promise<void> => {
      if (yes) return;
      if (!io.confirm) throw new AppFailure({ code: 'BAD_REQUEST', message: `Refusing to ${command.name} without confirmation: stdin is not a terminal.`, hint: 'Run again with --yes.' });
      if (!(await io.confirm(question))) throw new Declined();
    };
    const ctx: CommandContext = { args, io: out, logger, confirm, connect };
    return await command.run({ ...ctx, ...(config ? { config } : {}), ...(command.needs.signIn ? { connection: await connect() } : {}) });
  } catch (e) {
    if (e instanceof Declined) return (io.stderr('Nothing was changed.'), 1);
    // A usage error that lists the commands needs no pointer to --help.
    const hint = e instanceof UsageListingError ? {} : { hint: 'See ucbridge --help.' };
    const failure = e instanceof UsageError ? new AppFailure({ code: 'BAD_REQUEST', message: e.message, ...hint }) : e;
    io.stderr(failureLine(failure, secrets));
    if (e instanceof UsageListingError) io.stderr(e.listing);
    return exitCodeFor(failure);
  } finally {
    await connection?.then((c) => c.close()).catch(() => undefined);
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
