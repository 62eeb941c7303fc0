import { JSON_FLAG } from '../args';
import { defineCommand } from '../command';

/** Step 2 (Configure integration) in the CLI. The work is in integration-run.ts, loaded when a command runs. */
const run = () => import('./integration-run');

const CONFIG_HELP = `--config FILE is the integration config as JSON: workspaceUrl, httpPath, catalog, audit, servicePrincipal,
governedCatalogs, governedSchemas, additionalWorkspaceConnections. Without --host, DATABRICKS_HOST or a profile,
the config's workspaceUrl is the host. SQL runs on the config's httpPath.`;

export const exportScriptCommand = defineCommand({
  name: 'export-script',
  summary: 'Offline: write setup.sql, uninstall.sql and setup_notebook.sql for --config to --out DIR.',
  usage: `Writes the set-up and uninstall scripts and a notebook for the config, with no workspace and no sign-in:\nthe same statements the app and apply run.\n\n${CONFIG_HELP}`,
  needs: { config: true, signIn: false, confirm: false },
  flags: [{ name: 'out', kind: 'value', valueName: 'DIR', help: 'Where to write the scripts (created if missing).' }],
  run: async (ctx) => (await run()).exportScript(ctx),
});

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Run the integration\u2019s validation tests (exit 1 when one fails).',
  usage: `Runs every validation test against the workspace; each passes, fails, warns or is skipped, with the reason and\nthe fix.\n\n${CONFIG_HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [JSON_FLAG],
  run: async (ctx) => (await run()).validate(ctx),
});

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'Show the set-up plan (or, with --uninstall, the uninstall plan) against the workspace as it is now.',
  usage: `Shows every statement the set-up would run against the workspace as it is now, and which are unchanged.\nWith --uninstall, the uninstall plan instead; a statement that destroys data has the action "drop".\n\n${CONFIG_HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [JSON_FLAG, { name: 'uninstall', kind: 'boolean', help: 'Show the uninstall plan instead of the set-up plan.' }],
  run: async (ctx) => (await run()).plan(ctx),
});

export const applyCommand = defineCommand({
  name: 'apply',
  summary: 'Show the set-up plan, ask, then run it (--yes: do not ask).',
  usage: `Validates first and refuses (exit 1) while a test fails that the set-up cannot fix (--force: apply anyway).\nThen shows the set-up plan, asks, runs it, and gives the service principal CAN_USE on the warehouse.\n\n${CONFIG_HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [JSON_FLAG, { name: 'force', kind: 'boolean', help: 'Apply even when validation fails.' }],
  run: async (ctx) => (await run()).apply(ctx, 'setup'),
});

export const uninstallCommand = defineCommand({
  name: 'uninstall',
  summary: 'Show the uninstall plan, ask, then run it (--yes: do not ask).',
  usage: `Shows the uninstall plan, asks, then runs it.\n\n${CONFIG_HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [JSON_FLAG],
  run: async (ctx) => (await run()).apply(ctx, 'uninstall'),
});

export const INTEGRATION_COMMANDS = [exportScriptCommand, validateCommand, planCommand, applyCommand, uninstallCommand] as const;
