import { readFile } from 'node:fs/promises';
import { AppFailure } from '../../../shared/result';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import { matchUsers } from '../../../shared/users/match-users';
import { OverridesSchema, type MatchResult, type Overrides } from '../../../shared/users/match-types';
import { detectFormat, parseUsersFile } from '../../../shared/users/parse-users-file';
import { systemClock } from '../../node';
import { assertConfigFor } from '../../services/integration/saved-config';
import { readDirectory } from '../../services/users/scim-directory';
import { applyUserMapping, planUserMapping, type UserWriteRun } from '../../services/users/user-mapping-writer';
import { createMemoryKeyValueStore } from '../cli-memory-store';
import type { WorkspaceContext } from '../command';
import { fileProblem } from '../file-problem';
import { applyText } from '../integration-format';
import { matchJson, matchText, overrideWarnings, usersPlanText } from '../users-format';

const bad = (message: string, hint: string) => new AppFailure({ code: 'BAD_REQUEST', message, hint });

/** A file named by a flag, as text; a path that cannot be read is bad input (exit 2). */
async function fileText(flag: 'users' | 'overrides', path: string): Promise<string> {
  return readFile(path, 'utf8').catch((e: unknown) => {
    throw bad(`Cannot read the ${flag} file ${path}: ${fileProblem(e, 'read')}.`, `Check --${flag}.`);
  });
}

/** --users FILE parsed; while it has any problem nothing is matched or written (exit 2, every problem by line). */
async function usersFile(ctx: WorkspaceContext): Promise<readonly GovernanceUser[]> {
  const path = ctx.args.flags.users;
  if (typeof path !== 'string') throw bad(`${ctx.args.command ?? 'users'} needs --users FILE.`, 'Give the governance product\u2019s users file (CSV or JSON).');
  const text = await fileText('users', path);
  const r = parseUsersFile(text, detectFormat(text, path));
  if (r.ok) return r.users;
  throw bad(`The users file ${path} has ${r.problems.length === 1 ? 'a problem' : 'problems'}:\n${r.problems.map((p) => `- line ${p.line}: ${p.message}`).join('\n')}`, 'Correct the file and run again; nothing was matched or written.');
}

/** --overrides FILE: {"<id>": "<principal name>" | null}, checked with the same schema the app keeps choices in. */
async function overridesFile(ctx: WorkspaceContext): Promise<Overrides> {
  const path = ctx.args.flags.overrides;
  if (path === undefined) return {};
  if (typeof path !== 'string') throw bad('--overrides needs a file.', 'Give a JSON file: {"<id>": "<principal name>" | null}.');
  const text = await fileText('overrides', path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad(`The overrides file ${path} is not JSON.`, 'Write it as {"<id>": "<principal name>" | null}.');
  }
  const parsed = OverridesSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw bad(`The overrides file ${path} must map each id to a principal name or null${where === '' ? '' : ` ("${where}" does not)`}.`, 'Write it as {"<id>": "<principal name>" | null}.');
  }
  return parsed.data;
}

async function matched(ctx: WorkspaceContext): Promise<{ users: readonly GovernanceUser[]; result: MatchResult }> {
  const users = await usersFile(ctx);
  const overrides = await overridesFile(ctx);
  const directory = await readDirectory(ctx.connection.connection, { signal: AbortSignal.any([ctx.io.signal, ctx.connection.connection.signal]) });
  const result = matchUsers(users, directory.principals, overrides);
  for (const w of overrideWarnings(result)) ctx.io.stderr(w);
  return { users, result };
}

export async function match(ctx: WorkspaceContext): Promise<number> {
  const { result } = await matched(ctx);
  ctx.io.stdout(ctx.args.flags.json === true ? matchJson(result) : matchText(result));
  // A user set to null in --overrides was settled by a person: only what nobody decided fails --strict.
  const open = result.unmatched.filter((u) => u.code !== 'excludedByOverride').length + result.ambiguous.length;
  return ctx.args.flags.strict === true && open > 0 ? 1 : 0;
}

export async function apply(ctx: WorkspaceContext): Promise<number> {
  assertConfigFor(ctx.config, ctx.connection.workspace);
  const { users, result } = await matched(ctx);
  const run: UserWriteRun = {
    config: ctx.config,
    connection: ctx.connection.connection,
    kv: createMemoryKeyValueStore(),
    clock: systemClock,
    logger: ctx.logger,
    signal: AbortSignal.any([ctx.io.signal, ctx.connection.connection.signal]),
  };
  const planned = await planUserMapping(run, users, result);
  ctx.io.stderr(`${result.matched.length} matched, ${result.unmatched.length} unmatched, ${result.ambiguous.length} ambiguous, ${result.inactive.length} inactive.`);
  ctx.io.stderr(usersPlanText(planned, ctx.config.catalog));
  const pending = planned.plan.steps.length;
  if (pending === 0) {
    ctx.io.stdout(ctx.args.flags.json === true ? JSON.stringify({ ran: 0, failed: 0, mapping: planned.mapping, attributes: planned.attributes }) : 'The mapping and attributes are up to date: nothing to write.');
    return 0;
  }
  await ctx.confirm(`Write the user mapping and attributes: run ${pending} statement${pending === 1 ? '' : 's'} on ${ctx.connection.workspace.host}?`);
  const summary = await applyUserMapping(run, users, result, {
    expectedHash: planned.plan.hash,
    onStep: (e) => (e.state === 'failed' || e.state === 'retrying' ? ctx.io.stderr(`  ${e.state}: ${e.stepId}${e.message ? ` (${e.message})` : ''}`) : undefined),
  });
  ctx.io.stdout(ctx.args.flags.json === true ? JSON.stringify({ ...summary, mapping: planned.mapping, attributes: planned.attributes }) : applyText(summary));
  return summary.failed === 0 ? 0 : 1;
}
