import { AppFailure } from '../../shared/result';
import { escapeControl } from '../../shared/text/escape-control';
import { createLogger, formatRecord } from '../logging';
import type { BrowserOpener } from '../ports';
import { UsageError, type CliArgs } from './args';
import type { CliConnection } from './cli-connect';
import { exitCodeFor, failureLine, scrub, verboseCause } from './cli-output';
import type { CliCommand, CommandIo } from './command';
import { readConfigFile } from './config-file';
import type { Ask, Confirm } from './confirm';
import { reportUsageError } from './usage-error';

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
  /** Asks a question on the terminal; absent when stdin is not one. */
  readonly ask?: Ask;
}

/** The answer "no" to a command's question: nothing was changed, exit 1. */
class Declined extends Error {}

const refuseWithoutTerminal = (command: string, hint: string) =>
  new AppFailure({ code: 'BAD_REQUEST', message: `Refusing to ${command} without confirmation: stdin is not a terminal.`, hint });

/**
 * Runs one resolved command: reads --config, checks for a terminal or --yes, signs in, then `run`. Everything it
 * prints is scrubbed of the secrets in play and escaped for the terminal. Never throws, never prints a stack
 * (except the cause of an unexpected problem with --verbose).
 */
export async function runCommand(command: CliCommand, args: CliArgs, io: CliIo): Promise<number> {
  let secrets: readonly string[] = [];
  let connection: Promise<CliConnection> | undefined;
  const safe = (text: string) => escapeControl(scrub(text, secrets), { keepNewlines: true });
  const out: CommandIo = { stdout: (t) => io.stdout(safe(t)), stderr: (t) => io.stderr(safe(t)), signal: io.signal, interactive: io.ask !== undefined };
  const verbose = args.flags.verbose === true;
  try {
    const logger = createLogger({ level: verbose ? 'debug' : 'error', sinks: verbose ? [(r) => out.stderr(formatRecord(r))] : [] });
    // Input first: a bad config file or a missing --yes costs no sign-in.
    const configPath = args.flags.config;
    if (command.needs.config && typeof configPath !== 'string') throw new UsageError(`${command.name} needs --config FILE, the integration config (JSON).`);
    const config = command.needs.config ? await readConfigFile(configPath as string) : undefined;
    const yes = args.flags.yes === true;
    if (command.needs.confirm && !yes && io.confirm === undefined) throw refuseWithoutTerminal(command.name, 'Review the plan with ucbridge plan, then run again with --yes.');
    const connect = (): Promise<CliConnection> =>
      (connection ??= import('./sign-in').then(async ({ credentials, signIn }) => {
        const cliConfig = await credentials(args, io.env, config?.workspaceUrl);
        secrets = cliConfig.secrets;
        return signIn(args, { env: io.env, stderr: out.stderr, signal: io.signal, ...(io.browser ? { browser: io.browser } : {}) }, cliConfig, logger);
      }));
    const confirm = async (question: string): Promise<void> => {
      if (yes) return;
      if (!io.confirm) throw refuseWithoutTerminal(command.name, 'Run again with --yes.');
      if (!(await io.confirm(escapeControl(question)))) throw new Declined();
    };
    const ask = async (question: string): Promise<string> => {
      if (!io.ask) throw new AppFailure({ code: 'BAD_REQUEST', message: `${command.name} has a question, and stdin is not a terminal.` });
      return io.ask(escapeControl(question));
    };
    return await command.run({
      args,
      io: out,
      logger,
      confirm,
      ask,
      connect,
      ...(config ? { config } : {}),
      ...(command.needs.signIn ? { connection: await connect() } : {}),
    });
  } catch (e) {
    if (e instanceof Declined) return (io.stderr('Nothing was changed.'), 1);
    if (e instanceof UsageError) return reportUsageError(e, (t) => io.stderr(safe(t)));
    io.stderr(failureLine(e, secrets));
    if (verbose && !(e instanceof AppFailure)) io.stderr(safe(verboseCause(e)));
    return exitCodeFor(e);
  } finally {
    await connection?.then((c) => c.close()).catch(() => undefined);
  }
}
