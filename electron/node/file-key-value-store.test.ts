import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { openFileKeyValueStore } from './file-key-value-store';

const logger = createLogger({ sinks: [] });
const newDir = async (): Promise<string> => join(await mkdtemp(join(tmpdir(), 'ucb-kv-')), 'state');
const open = (dir: string) => openFileKeyValueStore({ dir, logger, now: () => Date.UTC(2024, 4, 1, 10, 20, 30) });

describe('openFileKeyValueStore', () => {
  it('round-trips JSON documents, lists and deletes keys', async () => {
    const { store, notices } = await open(await newDir());
    expect(await store.get('settings')).toBeUndefined();
    await store.set('settings', { workspace: 'https://h', n: [1, 2] });
    await store.set('recent.workspaces', ['a']);
    expect(await store.get('settings')).toEqual({ workspace: 'https://h', n: [1, 2] });
    expect([...(await store.keys())].sort()).toEqual(['recent.workspaces', 'settings']);
    await store.delete('settings');
    await store.delete('settings');
    expect(await store.keys()).toEqual(['recent.workspaces']);
    expect(notices()).toEqual([]);
  });

  it('writes atomically with mode 0600 and leaves no temporary files', async () => {
    const dir = await newDir();
    const { store } = await open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('k', { i })));
    expect(await readdir(dir)).toEqual(['k.json']);
    expect(JSON.parse(await readFile(join(dir, 'k.json'), 'utf8'))).toHaveProperty('i');
    if (process.platform !== 'win32') expect((await stat(join(dir, 'k.json'))).mode & 0o777).toBe(0o600);
  });

  it('moves a corrupt document aside at start-up, reports it, and starts without it', async () => {
    const dir = await newDir();
    await (await open(dir)).store.set('good', { ok: true });
    await writeFile(join(dir, 'settings.json'), '{"workspace": "https://h", "secretish": "x"');
    await writeFile(join(dir, 'leftover.json.123.abcd.tmp'), 'partial');
    const { store, notices } = await open(dir);
    expect(await store.get('settings')).toBeUndefined();
    expect(await store.get('good')).toEqual({ ok: true });
    expect((await readdir(dir)).sort()).toEqual(['good.json', 'settings.json.corrupt-2024-05-01T10-20-30-000Z']);
    expect(notices()).toEqual([
      'Saved state "settings" was damaged (not valid JSON), so ucbridge continued without it. ' +
        'The damaged file was kept as settings.json.corrupt-2024-05-01T10-20-30-000Z.',
    ]);
    expect(notices().join()).not.toContain('secretish');
  });

  it('handles a document that goes bad while running', async () => {
    const dir = await newDir();
    const { store, notices } = await open(dir);
    await writeFile(join(dir, 'journal.json'), 'not json');
    expect(await store.get('journal')).toBeUndefined();
    expect(notices()).toHaveLength(1);
    await store.set('journal', { step: 1 });
    expect(await store.get('journal')).toEqual({ step: 1 });
  });

  it('moves an unreadable document aside', async () => {
    const dir = await newDir();
    await open(dir);
    // A directory where a document should be: unreadable for every user, root included.
    await mkdir(join(dir, 'locked.json'));
    const { store, notices } = await open(dir);
    expect(notices()[0]).toContain('Saved state "locked" could not be read (EISDIR)');
    expect(await store.keys()).toEqual([]);
  });

  it('refuses key names that could escape the directory', async () => {
    const { store } = await open(await newDir());
    for (const bad of ['../x', 'a/b', '.hidden', '', 'a\\b', 'x..y', 'k.tmp']) {
      await expect(store.set(bad, 1)).rejects.toThrow(/Invalid key name/);
    }
  });

  it('refuses values that are not JSON', async () => {
    const { store } = await open(await newDir());
    await expect(store.set('k', undefined)).rejects.toThrow(TypeError);
  });
});
