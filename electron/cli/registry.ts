/**
 * Every `ucbridge` command, in the order `ucbridge --help` lists them.
 *
 * To add a command (or a group of them): write `commands/<group>.ts` exporting `defineCommand({...})` values (see
 * command.ts: `name` — one word, or two for a sub-command such as `users match`; `summary` for the command list;
 * its own `usage` text; `needs` {config, signIn, confirm}, which bring --config, the sign-in flags and --yes with
 * them and make the runner read the config, sign in and check for a terminal before `run`; its own `flags`;
 * `operands` if it takes words after its name; and `run(ctx)` returning the exit code). Keep that file light and
 * load the work inside `run` (`await import('./<group>-run')`) so `--help` stays fast. Then add one line below.
 * The registry test checks names are unique, flags mean one thing everywhere, and every command has help.
 */
import type { CliCommand } from './command';
import { initCommand } from './commands/init';
import { INTEGRATION_COMMANDS } from './commands/integration';
import { METADATA_COMMANDS } from './commands/metadata';
import { POLICIES_COMMANDS } from './commands/policies';
import { smokeCommand } from './commands/smoke';
import { USERS_COMMANDS } from './commands/users';
import { whoamiCommand } from './commands/whoami';

export const COMMANDS: readonly CliCommand[] = [
  whoamiCommand,
  initCommand,
  ...INTEGRATION_COMMANDS,
  ...USERS_COMMANDS,
  ...POLICIES_COMMANDS,
  ...METADATA_COMMANDS,
  smokeCommand,
];
