import { UsageError } from './args';
import type { CliCommand } from './command';
import { commandList } from './help';
import { UsageListingError } from './usage-error';

const shown = (word: string) => JSON.stringify(word.slice(0, 40));

/**
 * The command the leading words name: two words (`users match`) before one (`whoami`). The rest are its operands.
 * A group word alone (`users`) or an unknown word is a usage error that lists what there is.
 */
export function resolveCommand(words: readonly string[], commands: readonly CliCommand[]): { command: CliCommand; operands: readonly string[] } {
  const [first = '', second] = words;
  const two = second === undefined ? undefined : commands.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: two, operands: words.slice(2) };
  const one = commands.find((c) => c.name === first);
  if (one) return { command: one, operands: words.slice(1) };
  const group = commands.filter((c) => c.name.startsWith(`${first} `));
  if (group.length > 0) {
    const message = second === undefined ? `${first} needs a sub-command.` : `Unknown command "${first} ${second.slice(0, 40)}".`;
    throw new UsageListingError(message, commandList(group));
  }
  throw new UsageListingError(`Unknown command ${shown(first)}.`, commandList(commands));
}

export function checkOperands(command: CliCommand, operands: readonly string[]): void {
  const allowed = command.operands ?? { min: 0, max: 0, names: '' };
  if (operands.length > allowed.max) throw new UsageError(`Unexpected argument ${shown(operands[allowed.max]!)}.`);
  if (operands.length < allowed.min) throw new UsageError(`${command.name} needs ${allowed.names}.`);
}
