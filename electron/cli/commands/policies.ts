import { JSON_FLAG } from '../args';
import { defineCommand, type FlagSpec } from '../command';

/** Step 3's policies in the CLI. The work is in policies-run.ts, loaded when a command runs. */
const run = () => import('./policies-run');

const POLICIES_FLAG: FlagSpec = { name: 'policies', kind: 'value', valueName: 'FILE', help: 'The policy file (JSON or YAML): grants, column masks, row filters.' };

const HELP = `--policies FILE lists the policies as JSON or YAML: {"policies":[…]}, each with a name and a type (grant,
columnMask, rowFilter). --config FILE is the integration config (its catalog holds the policy functions and the
user attributes; SQL runs on its httpPath). Exit codes: 0 success, 1 failure, 2 bad input.`;

export const policiesValidateCommand = defineCommand({
  name: 'policies validate',
  summary: 'Check a policy file against the workspace (exit 1 when a policy is refused).',
  usage: `Checks every policy: the file's fields, then against the workspace (tables, columns and their types, masks
or filters not made by ucbridge, contradictions between policies, documented limits).\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [POLICIES_FLAG, JSON_FLAG],
  run: async (ctx) => (await run()).validate(ctx),
});

export const policiesPlanCommand = defineCommand({
  name: 'policies plan',
  summary: 'Show the policy plan against the workspace as it is now.',
  usage: `Shows every statement applying the policies would run, and which are unchanged. --json prints
{"steps":[{"id","action","sql","purpose"}]}.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [POLICIES_FLAG, JSON_FLAG],
  run: async (ctx) => (await run()).plan(ctx),
});

export const policiesApplyCommand = defineCommand({
  name: 'policies apply',
  summary: 'Show the policy plan, ask, then run it (--yes: do not ask).',
  usage: `Shows the policy plan, asks, then runs it and records what it made on the integration catalog's staging volume.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [POLICIES_FLAG, JSON_FLAG],
  run: async (ctx) => (await run()).apply(ctx, 'setup'),
});

export const policiesUninstallCommand = defineCommand({
  name: 'policies uninstall',
  summary: 'Remove what the policies made: show the plan, ask, then run it (--yes: do not ask).',
  usage: `Removes exactly what applying the policies made and revokes only the privileges it added (from the record
kept on the staging volume), after showing the plan and asking.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [POLICIES_FLAG, JSON_FLAG],
  run: async (ctx) => (await run()).apply(ctx, 'uninstall'),
});

export const policiesExportCommand = defineCommand({
  name: 'policies export-script',
  summary: 'Offline: write policies_setup.sql and policies_uninstall.sql to --out DIR.',
  usage: `Writes the policies as SQL scripts, with no workspace and no sign-in: the same statements apply runs. Masks
need their columns' types: add "columnTypes": {"catalog.schema.table.column": "STRING", …} to the policy file.\n\n${HELP}`,
  needs: { config: true, signIn: false, confirm: false },
  flags: [POLICIES_FLAG, { name: 'out', kind: 'value', valueName: 'DIR', help: 'Where to write the scripts (created if missing).' }],
  run: async (ctx) => (await run()).exportScript(ctx),
});

export const policiesPreviewCommand = defineCommand({
  name: 'policies preview',
  summary: 'Show a table’s first rows as a principal would see them under the policies.',
  usage: `Shows the first rows of --table as the principal --as would see them (its masks applied, filtered rows
hidden), computed for that principal: Databricks has no impersonation. --json prints
{"columns":[…],"rows":[[…]],"hiddenRows":N}.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [
    POLICIES_FLAG,
    { name: 'as', kind: 'value', valueName: 'PRINCIPAL', help: 'A user name (email) or a service principal application id.' },
    { name: 'table', kind: 'value', valueName: 'C.S.T', help: 'The table: catalog.schema.table.' },
    { name: 'limit', kind: 'value', valueName: 'N', help: 'How many rows (1–100, default 20).' },
    JSON_FLAG,
  ],
  run: async (ctx) => (await run()).preview(ctx),
});

export const POLICIES_COMMANDS = [policiesValidateCommand, policiesPlanCommand, policiesApplyCommand, policiesUninstallCommand, policiesExportCommand, policiesPreviewCommand] as const;
