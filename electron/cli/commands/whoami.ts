import { JSON_FLAG } from '../args';
import { defineCommand } from '../command';
import { formatWhoami } from '../whoami';

export const whoamiCommand = defineCommand({
  name: 'whoami',
  summary: 'Sign in and print who you are on the workspace.',
  usage: 'Signs in and prints the identity the credentials resolve to: user name or application id, display name,\nadmin or not, groups, and the workspace.',
  needs: { config: false, signIn: true, confirm: false },
  flags: [JSON_FLAG],
  run: async ({ args, io, connection }) => {
    io.stdout(formatWhoami(connection, args.flags.json === true));
    return 0;
  },
});
