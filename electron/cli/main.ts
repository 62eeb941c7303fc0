import { PRODUCT_VERSION } from '../../shared/product';
import { parseArgs, UsageError, type CliArgs } from './args';
import type { CliCommand } from './command';
import { flagsOf, flagTable } from './command-flags';
import { commandUsage, topUsage } from './help';
import { COMMANDS } from './registry';
import { checkOperands, resolveCommand } from './resolve-command';
import type { CliIo } from './run-command';
import { reportUsageError } from './usage-error';

export type { CliIo } from './run-command';

/*
 * This module and everything it imports statically is what `ucbridge --help` loads: argv, the registry and help.
 * The rest (zod, the services, the SQL driver) is imported when a command runs (bench/cli-startup.ts).
 */

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
  let routed: ReturnType<typeof route>;
  try {
    routed = route(argv);
  } catch (e) {
    if (e instanceof UsageError) return reportUsageError(e, io.stderr);
    io.stderr('ucbridge: ucbridge hit an unexpected problem reading its arguments.');
    return 1;
  }
  if (routed.kind === 'print') return (io.stdout(routed.text), routed.code);
  const { runCommand } = await import('./run-command');
  return runCommand(routed.command, routed.args, io);
}

/** Entry point for bin/ucbridge.cjs. */
export function main(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const { stdin, stderr } = process;
  void runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => stderr.write(`${t}\n`),
    env: process.env,
    signal: controller.signal,
    ...(stdin.isTTY
      ? {
          confirm: async (question: string) => (await import('./confirm')).terminalConfirm(stdin, stderr)(question),
          ask: async (question: string) => (await import('./confirm')).terminalAsk(stdin, stderr)(question),
        }
      : {}),
  }).then((code) => {
    process.exitCode = code;
  });
}
