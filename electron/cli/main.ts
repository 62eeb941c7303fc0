import { PRODUCT_VERSION } from '../../shared/product';
import { AppFailure } from '../../shared/result';
import { createLogger, formatRecord } from '../logging';
import { createSystemBrowserOpener, systemClock } from '../node';
import type { BrowserOpener } from '../ports';
import { configFilePath, readProfileFile } from '../services/session/profiles';
import { parseArgs, USAGE, UsageError } from './args';
import { connectCli } from './cli-connect';
import { exitCodeFor, failureLine, scrub } from './cli-output';
import { resolveCliConfig } from './unified-config';
import { formatWhoami } from './whoami';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Defaults to the system browser. */
  readonly browser?: BrowserOpener;
}

/** The `ucbridge` CLI; returns the exit code. Never throws, never prints a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let secrets: readonly string[] = [];
  try {
    const args = parseArgs(argv);
    if (args.flags.version) return (io.stdout(`ucbridge ${PRODUCT_VERSION}`), 0);
    if (args.flags.help || args.command === undefined || args.command === 'help') return (io.stdout(USAGE), args.command === undefined && !args.flags.help ? 2 : 0);
    if (args.command !== 'whoami') throw new UsageError(`Unknown command "${args.command.slice(0, 40)}". Try ucbridge --help.`);

    const file = await readProfileFile(configFilePath(io.env));
    const config = resolveCliConfig(args, io.env, file.profiles);
    secrets = config.secrets;
    const verbose = args.flags.verbose === true;
    const logger = createLogger({ level: verbose ? 'debug' : 'error', sinks: verbose ? [(r) => io.stderr(scrub(formatRecord(r), secrets))] : [] });
    const noBrowser = args.flags['no-browser'] === true;
    const showLink = (url: string) => io.stderr(`Open this link in your browser to sign in:\n${url}`);
    const browser: BrowserOpener = noBrowser ? { open: async (url) => showLink(url) } : (io.browser ?? createSystemBrowserOpener());
    const timeout = typeof args.flags.timeout === 'string' ? Number(args.flags.timeout) : undefined;
    if (timeout !== undefined && !(timeout >= 1 && timeout <= 3600)) throw new UsageError('--timeout is a number of seconds from 1 to 3600.');

    const connection = await connectCli(config, { clock: systemClock, logger, browser, showLink, ...(timeout ? { signInTimeoutMs: timeout * 1000 } : {}) }, io.signal);
    try {
      io.stdout(scrub(formatWhoami(connection, args.flags.json === true), secrets));
    } finally {
      await connection.close();
    }
    return 0;
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
  }).then((code) => {
    process.exitCode = code;
  });
}
