import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger';
import { openFileKeyValueStore } from '../../node/file-key-value-store';
import { createUsersState } from './users-state';
import { govUser } from './users-view.test-support';

const logger = createLogger({ sinks: [] });
let dir: string | undefined;
afterEach(async () => dir && rm(dir, { recursive: true, force: true }));
const openState = async () => createUsersState((await openFileKeyValueStore({ dir: join(dir!, 'state'), logger })).store);

describe('createUsersState', () => {
  it('keeps each workspace apart, and only the manual choices across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ucb-users-state-'));
    const state = await openState();
    const imported = { fileName: 'users.csv', users: [govUser({ id: 'u1' })], importedAt: 1 };
    await state.update('adb-1.azuredatabricks.net', (w) => ({ ...w, imported, choices: { u1: 'zoe.muller@lakeside.example', u2: null } }));
    await state.update('adb-2.azuredatabricks.net', (w) => ({ ...w, choices: { u9: 'someone' } }));
    expect((await state.get('adb-1.azuredatabricks.net')).imported).toEqual(imported);
    expect((await state.get('adb-2.azuredatabricks.net')).imported).toBeNull();

    const again = await openState();
    const first = await again.get('adb-1.azuredatabricks.net');
    expect(first.choices).toEqual({ u1: 'zoe.muller@lakeside.example', u2: null });
    // The file and the directory are read again after a restart; only a person's decisions are on disk.
    expect(first.imported).toBeNull();
    expect((await again.get('adb-2.azuredatabricks.net')).choices).toEqual({ u9: 'someone' });
    expect((await again.get('adb-3.azuredatabricks.net')).choices).toEqual({});
  });
});
