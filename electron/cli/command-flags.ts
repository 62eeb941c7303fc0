import { COMMON_FLAGS, CONFIG_FLAG, SIGN_IN_FLAGS, YES_FLAG } from './args';
import type { CliCommand, FlagSpec } from './command';

/** Every flag a command takes: the common ones, the ones its needs bring, then its own. */
export function flagsOf(command: CliCommand): readonly FlagSpec[] {
  return [
    ...COMMON_FLAGS,
    ...(command.needs.config ? [CONFIG_FLAG] : []),
    ...(command.needs.confirm ? [YES_FLAG] : []),
    ...(command.flags ?? []),
    ...(command.needs.signIn ? SIGN_IN_FLAGS : []),
  ];
}

/**
 * One table of every flag name across commands, so argv can be split before the command is known. A name must mean
 * the same kind of flag everywhere (checked when the registry is built, and by its test).
 */
export function flagTable(commands: readonly CliCommand[]): ReadonlyMap<string, FlagSpec> {
  const table = new Map<string, FlagSpec>();
  for (const flag of commands.flatMap(flagsOf)) {
    const seen = table.get(flag.name);
    if (seen && (seen.kind !== flag.kind || !!seen.repeatable !== !!flag.repeatable)) {
      throw new Error(`The flag --${flag.name} is declared as two different kinds of flag.`);
    }
    table.set(flag.name, seen ?? flag);
  }
  return table;
}
