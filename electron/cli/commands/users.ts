import { JSON_FLAG } from '../args';
import { defineCommand, type FlagSpec } from '../command';

/** Step 3's users in the CLI. The work is in users-run.ts, loaded when a command runs. */
const run = () => import('./users-run');

const USERS_FLAG: FlagSpec = { name: 'users', kind: 'value', valueName: 'FILE', help: 'The governance product\u2019s users: CSV with a header row, or a JSON array.' };
const OVERRIDES_FLAG: FlagSpec = { name: 'overrides', kind: 'value', valueName: 'FILE', help: 'Manual choices as JSON: {"<id>": "<principal name>" | null}.' };

const HELP = `--users FILE lists the governance product's users (CSV with a header row, or a JSON array of objects): id
(required, unique), email, userName, externalId, displayName, active, kind (user, group, servicePrincipal); every
other column is an attribute. Each is matched to a Databricks principal read through SCIM: externalId, then
userName, then any email (both ignoring case), then a service principal's application id, then a group's name.
--overrides FILE settles users by hand: {"<id>": "<principal name>"} picks the principal, null matches nobody.
--config FILE is the integration config (its catalog holds the mapping tables; SQL runs on its httpPath).
Exit codes: 0 success, 1 failure, 2 bad input.`;

export const usersMatchCommand = defineCommand({
  name: 'users match',
  summary: 'Match the governance product\u2019s users to Databricks principals (--strict: exit 1 if any is left).',
  usage: `Reads the directory and matches every user in --users, without writing anything. --json prints
{"matched":[{"id","principal","principalType","matchedBy"}],"unmatched":[{"id","reason"}],
"ambiguous":[{"id","candidates":[{"principal","principalType"}]}],"orphans":[{"principal","principalType"}],
"inactive":[{"id"}]}. --strict exits 1 when any user is unmatched or ambiguous (one set to null in --overrides
counts as settled).\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [USERS_FLAG, OVERRIDES_FLAG, JSON_FLAG, { name: 'strict', kind: 'boolean', help: 'Exit 1 when any user is unmatched or ambiguous.' }],
  run: async (ctx) => (await run()).match(ctx),
});

export const usersApplyCommand = defineCommand({
  name: 'users apply',
  summary: 'Write the user mapping and attributes: show the plan, ask, then run it (--yes: do not ask).',
  usage: `Matches as users match does, then writes <catalog>.entitlements.user_mapping (one row per matched user) and
principal_attributes (its attributes under its principal) with batched MERGE statements: rows of users no longer
matched or no longer in the file are deleted. Shows the inserts, updates and deletes first and asks.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [USERS_FLAG, OVERRIDES_FLAG, JSON_FLAG],
  run: async (ctx) => (await run()).apply(ctx),
});

export const USERS_COMMANDS = [usersMatchCommand, usersApplyCommand] as const;
