import { describe, expect, it } from 'vitest';
import type { RecentWorkspace } from '../../../shared/contract/auth';
import type { KeyValueStore, Logger } from '../../ports';
import { createRecents } from './recents';
import { RECENTS_KEY } from './session-record';

function memoryKv(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, value),
    delete: async (key) => void data.delete(key),
    keys: async () => [...data.keys()],
  };
}
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const entry = (url: string, kind: RecentWorkspace['kind'], lastUsedAt: number): RecentWorkspace => ({ url, label: kind === 'sandbox' ? 'Local sandbox' : url, kind, method: 'oauth-u2m', lastUsedAt });

describe('recent workspaces', () => {
  it('keeps one entry per address, newest first', async () => {
    const recents = createRecents(memoryKv(), silent);
    await recents.add(entry('https://a.cloud.databricks.com', 'workspace', 1));
    await recents.add(entry('https://b.cloud.databricks.com', 'workspace', 2));
    await recents.add(entry('https://a.cloud.databricks.com', 'workspace', 3));
    expect((await recents.list()).map((r) => [r.url, r.lastUsedAt])).toEqual([
      ['https://a.cloud.databricks.com', 3],
      ['https://b.cloud.databricks.com', 2],
    ]);
  });

  it('keeps one "Local sandbox", although its address changes with every start', async () => {
    const recents = createRecents(memoryKv(), silent);
    await recents.add(entry('https://127.0.0.1:50001', 'sandbox', 1));
    await recents.add(entry('https://a.cloud.databricks.com', 'workspace', 2));
    await recents.add(entry('https://127.0.0.1:50002', 'sandbox', 3));
    expect((await recents.list()).map((r) => r.url)).toEqual(['https://127.0.0.1:50002', 'https://a.cloud.databricks.com']);
  });

  it('merges duplicates in a list saved before they were merged', async () => {
    const saved = [entry('https://127.0.0.1:50003', 'sandbox', 3), entry('https://127.0.0.1:50002', 'sandbox', 2), entry('https://127.0.0.1:50001', 'sandbox', 1)];
    const recents = createRecents(memoryKv({ [RECENTS_KEY]: saved }), silent);
    expect((await recents.list()).map((r) => r.url)).toEqual(['https://127.0.0.1:50003']);
  });
});
