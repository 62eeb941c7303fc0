import { JSON_FLAG } from '../args';
import { defineCommand } from '../command';

/**
 * `ucbridge smoke`: the read-only check of a real workspace. The work is in smoke-run.ts, loaded when it runs.
 */
export const smokeCommand = defineCommand({
  name: 'smoke',
  summary: 'Read-only check that the workspace behaves as ucbridge expects (a table and a JSON report).',
  usage: `Signs in with your own credentials and checks, reading only, each behaviour ucbridge relies on: the privilege
views and their INHERITED_FROM values, SHOW GRANTS, list paging, the metastore's storage root, system schema states,
the shape of refused calls, and SQL warehouse permission levels. Prints a table and a JSON report without secrets
(attach it to a bug report). It writes nothing to the workspace and starts no warehouse: SQL cases run on --warehouse
or on a running one, and are skipped when there is none. Exit 1 when a case fails or cannot run.`,
  needs: { config: false, signIn: true, confirm: false },
  flags: [
    JSON_FLAG,
    { name: 'warehouse', kind: 'value', valueName: 'ID', help: 'A running SQL warehouse to read through (default: the first running one).' },
    { name: 'report', kind: 'value', valueName: 'FILE', help: 'Also write the JSON report to FILE.' },
  ],
  run: async (ctx) => (await import('./smoke-run')).smoke(ctx),
});
