import type { ApplySummary, ExportFile } from '../../../shared/contract/integration';
import type { Candidate, DirectorySummary, MatchView, PrincipalType, UsersImport, UsersPlanView, UsersStatus } from '../../../shared/contract/users';
import { fail } from '../../../shared/result';
import type { Directory } from '../../../shared/users/directory';
import { matchUsers } from '../../../shared/users/match-users';
import { detectFormat, parseUsersFile } from '../../../shared/users/parse-users-file';
import { workSignal, type IntegrationDeps } from '../integration/integration-deps';
import { configForConnection } from '../integration/saved-config';
import { readDirectory, type DirectoryProgress } from './scim-directory';
import { matchRows } from './match-view';
import { searchPrincipals } from './principal-search';
import { applyUserMapping, planUserMapping, type UserWriteRun } from './user-mapping-writer';
import { unmatchedCsv } from './unmatched-csv';
import { createUsersState, type WorkspaceUsers } from './users-state';

/** Problems listed in the window; the rest are counted. */
const SHOWN_PROBLEMS = 50;

const summaryOf = (d: Directory, readAt: number): DirectorySummary => ({
  users: d.principals.filter((p) => p.type === 'user').length,
  groups: d.principals.filter((p) => p.type === 'group').length,
  servicePrincipals: d.principals.filter((p) => p.type === 'servicePrincipal').length,
  source: d.source,
  readAt,
});

const RESOURCE_WORDS: Readonly<Record<DirectoryProgress['resource'], string>> = { Users: 'users', Groups: 'groups', ServicePrincipals: 'service principals' };

/** Each SCIM list counts on its own: the bar shows the list being read, its label says which. */
const directoryProgress = ({ resource, read, total }: DirectoryProgress) => ({
  label: `Reading ${RESOURCE_WORDS[resource]}: ${read}${total === undefined ? '' : ` of ${total}`}`,
  done: read,
  total: total ?? 0,
});

/**
 * Step 3's users behind `users.*`: the imported file, the directory and the manual choices are kept per signed-in
 * workspace (choices on disk), and every view is computed from them here, so the window never holds the state.
 */
export function createUsersService(deps: IntegrationDeps) {
  const state = createUsersState(deps.kv);
  let applying = false;
  const host = (): string => deps.connections.requireConnection().workspace.host.toLowerCase();
  const ready = (w: WorkspaceUsers) => {
    if (w.imported === null) return fail('BAD_REQUEST', 'No users file is imported for this workspace.', 'Import the governance product’s users file first.');
    if (w.directory === null) return fail('BAD_REQUEST', 'The directory has not been read yet.', 'Read the directory first.');
    return { users: w.imported.users, directory: w.directory.directory, fileName: w.imported.fileName, summary: w.directory.summary, choices: w.choices };
  };
  const view = (w: WorkspaceUsers): MatchView => {
    const r = ready(w);
    const result = matchUsers(r.users, r.directory.principals, r.choices);
    return { rows: matchRows(r.users, r.directory.principals, result), fileName: r.fileName, directory: r.summary, choices: Object.keys(r.choices).length };
  };
  const writeRun = async (signal?: AbortSignal): Promise<UserWriteRun> => {
    const { config, connection } = await configForConnection(deps);
    return { config, connection, kv: deps.kv, clock: deps.clock, logger: deps.logger.child('users'), signal: signal ?? connection.signal };
  };

  return {
    async status(): Promise<UsersStatus> {
      let h: string;
      try {
        h = host();
      } catch {
        return { workspace: null, imported: null, directory: null, choices: 0, lastApply: null };
      }
      const w = await state.get(h);
      return {
        workspace: h,
        imported: w.imported && { fileName: w.imported.fileName, users: w.imported.users.length, importedAt: w.imported.importedAt },
        directory: w.directory?.summary ?? null,
        choices: Object.keys(w.choices).length,
        lastApply: w.lastApply,
      };
    },
    async importFile(text: string, fileName: string, format: 'csv' | 'json' | 'auto'): Promise<UsersImport> {
      const h = host();
      const parsed = parseUsersFile(text, format === 'auto' ? detectFormat(text, fileName) : format);
      if (!parsed.ok) {
        // The parser caps its list with a summary line of its own; the window counts the rest instead.
        const problems = parsed.problems.filter((p) => !p.message.startsWith('… and '));
        const total = problems.length + Number(/… and (\d+) more/.exec(parsed.problems.at(-1)?.message ?? '')?.[1] ?? 0);
        return { accepted: false, fileName, users: 0, attributes: [], problems: problems.slice(0, SHOWN_PROBLEMS), moreProblems: total - Math.min(problems.length, SHOWN_PROBLEMS) };
      }
      await state.update(h, (w) => ({ ...w, imported: { fileName, users: parsed.users, importedAt: deps.clock.now() } }));
      const attributes = [...new Set(parsed.users.flatMap((u) => Object.keys(u.attributes)))].sort();
      deps.logger.info('users file imported', { users: parsed.users.length, attributes: attributes.length });
      return { accepted: true, fileName, users: parsed.users.length, attributes, problems: [], moreProblems: 0 };
    },
    async readDirectory(taskId: string): Promise<DirectorySummary> {
      const connection = deps.connections.requireConnection();
      const h = connection.workspace.host.toLowerCase();
      return deps.tasks.run(taskId, { label: 'Read the directory' }, async (task) => {
        const directory = await readDirectory(connection, {
          signal: workSignal(task.signal, connection),
          onProgress: (p) => task.progress(directoryProgress(p)),
        });
        const summary = summaryOf(directory, deps.clock.now());
        await state.update(h, (w) => ({ ...w, directory: { directory, summary } }));
        return summary;
      });
    },
    async match(): Promise<MatchView> {
      return view(await state.get(host()));
    },
    async setChoice(id: string, principal: string | null): Promise<MatchView> {
      const h = host();
      const w = await state.get(h);
      const r = ready(w);
      if (!r.users.some((u) => u.id === id)) fail('NOT_FOUND', `No user with id "${id}" is in ${r.fileName}.`, 'Import the file again, or pick a row of the table.');
      return view(await state.update(h, (c) => ({ ...c, choices: { ...c.choices, [id]: principal } })));
    },
    async clearChoice(id: string): Promise<MatchView> {
      const h = host();
      return view(
        await state.update(h, (c) => {
          if (!Object.hasOwn(c.choices, id)) return c;
          const { [id]: _dropped, ...rest } = c.choices;
          return { ...c, choices: rest };
        }),
      );
    },
    async searchPrincipals(query: string, type: PrincipalType | undefined, limit: number): Promise<Candidate[]> {
      const w = await state.get(host());
      if (w.directory === null) return fail('BAD_REQUEST', 'The directory has not been read yet.', 'Read the directory first.');
      return searchPrincipals(w.directory.directory.principals, query, type, limit);
    },
    async exportUnmatched(): Promise<ExportFile> {
      const w = await state.get(host());
      return unmatchedCsv(view(w).rows, ready(w).fileName);
    },
    async plan(): Promise<UsersPlanView> {
      const r = ready(await state.get(host()));
      const result = matchUsers(r.users, r.directory.principals, r.choices);
      return planUserMapping(await writeRun(), r.users, result);
    },
    apply(taskId: string, planHash: string): Promise<ApplySummary> {
      if (applying) return fail('CONFLICT', 'The mapping is already being written.', 'Wait for it to finish, or cancel it.');
      applying = true;
      return (async () => {
        const h = host();
        const r = ready(await state.get(h));
        const result = matchUsers(r.users, r.directory.principals, r.choices);
        const base = await writeRun();
        const summary = await deps.tasks.run(taskId, { label: 'Write the mapping and attributes' }, (task) =>
          applyUserMapping({ ...base, signal: workSignal(task.signal, base.connection) }, r.users, result, {
            expectedHash: planHash,
            onStep: (e) => deps.events.publish('integration.step', { taskId, ...e }),
            onProgress: (done, total, label) => task.progress({ done, total, label }),
          }),
        );
        await state.update(h, (w) => ({ ...w, lastApply: summary }));
        return summary;
      })().finally(() => {
        applying = false;
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
