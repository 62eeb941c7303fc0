import { SIGN_IN_FLAGS } from '../args';
import { defineCommand } from '../command';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Write an integration config: asks on a terminal, otherwise writes an example to fill in.',
  usage: `On a terminal, signs in (like whoami) and asks for the SQL warehouse, the integration catalog, the governed
catalogs, query audit and the service principal, each picked from what the workspace has, then writes a valid
config. Otherwise (stdin not a terminal) writes an example with comments and <placeholders>: replace each
placeholder and the file passes ucbridge validate. Never overwrites a file.`,
  needs: { config: false, signIn: false, confirm: false },
  flags: [{ name: 'out', kind: 'value', valueName: 'FILE', help: 'Where to write the config (default integration.json).' }, ...SIGN_IN_FLAGS],
  run: async (ctx) => (await import('./init-run')).init(ctx),
});
