import type { ApplySummary } from '../../../shared/contract/integration';
import type { DirectorySummary } from '../../../shared/contract/users';
import { sha256Hex } from '../../../shared/integration/sha256';
import type { Directory } from '../../../shared/users/directory';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import { OverridesSchema, type Overrides } from '../../../shared/users/match-types';
import type { KeyValueStore } from '../../ports';

/** One workspace's users work: the imported file and the directory (this run only), the manual choices (kept). */
export interface WorkspaceUsers {
  readonly imported: { readonly fileName: string; readonly users: readonly GovernanceUser[]; readonly importedAt: number } | null;
  readonly directory: { readonly directory: Directory; readonly summary: DirectorySummary } | null;
  readonly choices: Overrides;
  readonly lastApply: ApplySummary | null;
}

const EMPTY: WorkspaceUsers = { imported: null, directory: null, choices: {}, lastApply: null };

/**
 * Local state keys allow letters, digits, `.`, `_` and `-`: the host goes in as a hash. Only the manual choices are
 * written to disk (governance ids and principal names, no credential): the file and the directory are read again
 * after a restart, but a person's decisions must not be lost.
 */
const choicesKey = (host: string): string => `users-choices.${sha256Hex(host.toLowerCase()).slice(0, 16)}`;

export interface UsersState {
  get(host: string): Promise<WorkspaceUsers>;
  update(host: string, change: (current: WorkspaceUsers) => WorkspaceUsers): Promise<WorkspaceUsers>;
}

export function createUsersState(kv: KeyValueStore): UsersState {
  const byHost = new Map<string, WorkspaceUsers>();
  const get = async (host: string): Promise<WorkspaceUsers> => {
    const known = byHost.get(host);
    if (known) return known;
    const saved = OverridesSchema.safeParse(await kv.get(choicesKey(host)));
    const loaded = { ...EMPTY, choices: saved.success ? saved.data : {} };
    byHost.set(host, loaded);
    return loaded;
  };
  return {
    get,
    async update(host, change) {
      const before = await get(host);
      const after = change(before);
      byHost.set(host, after);
      if (after.choices !== before.choices) await kv.set(choicesKey(host), after.choices);
      return after;
    },
  };
}
