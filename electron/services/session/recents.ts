import { z } from 'zod';
import { RecentWorkspaceSchema, type RecentWorkspace } from '../../../shared/contract/auth';
import type { KeyValueStore, Logger } from '../../ports';
import { RECENTS_KEY } from './session-record';

const MAX_RECENTS = 8;

/**
 * Recently used workspaces, newest first, with how they were signed in to (never a secret). One entry per address,
 * and one for the local sandbox whatever its address: it gets a new port each time it starts, so each run would
 * otherwise add another "Local sandbox".
 */
export interface Recents {
  list(): Promise<readonly RecentWorkspace[]>;
  find(url: string): Promise<RecentWorkspace | undefined>;
  add(entry: RecentWorkspace): Promise<void>;
  forget(url: string): Promise<boolean>;
}

export function createRecents(kv: KeyValueStore, logger: Logger): Recents {
  async function list(): Promise<readonly RecentWorkspace[]> {
    const parsed = z.array(RecentWorkspaceSchema).safeParse((await kv.get(RECENTS_KEY)) ?? []);
    if (!parsed.success) {
      logger.warn('the recent workspaces list was unreadable and was reset');
      return [];
    }
    return withoutDuplicates(parsed.data);
  }
  return {
    list,
    find: async (url) => (await list()).find((r) => r.url === url),
    async add(entry) {
      const rest = (await list()).filter((r) => !sameEntry(r, entry));
      await kv.set(RECENTS_KEY, [entry, ...rest].slice(0, MAX_RECENTS));
    },
    async forget(url) {
      const all = await list();
      const rest = all.filter((r) => r.url !== url);
      if (rest.length === all.length) return false;
      await kv.set(RECENTS_KEY, rest);
      return true;
    },
  };
}

/** The same recent: the same address, or both the local sandbox (whose address changes with every start). */
const sameEntry = (a: RecentWorkspace, b: RecentWorkspace): boolean => a.url === b.url || (a.kind === 'sandbox' && b.kind === 'sandbox');

/** Keeps the newest of each (lists saved before duplicates were merged may hold several). */
function withoutDuplicates(all: readonly RecentWorkspace[]): readonly RecentWorkspace[] {
  return all.filter((r, i) => all.findIndex((other) => sameEntry(other, r)) === i);
}
